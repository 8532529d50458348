/// The office pages' stylesheet and script, kept in the binary: the node serves them with no
/// internet and no files beside it.
enum OfficeAssets {
    static let stylePath = "/office/assets/office.css"
    static let livePath = "/office/assets/live.js"

    /// One stylesheet for every page: readable at 360 px and on a 1366×768 laptop, 16 px text,
    /// 44 px targets, a focus ring that shows, wide tables scrolling inside their own box.
    static let style = """
        :root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b5cad; --warn: #8a4b00;
                --ok: #1d6b2f; --bad: #a1262b; --paper: #ffffff; --shade: #f2f4f7; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #e8a317; outline-offset: 2px; }
        .skip { position: absolute; left: -9999px; }
        .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 8px; z-index: 2; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 16px;
                     background: var(--shade); border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; }
        .menu { display: flex; flex-wrap: wrap; gap: 4px; }
        .menu a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 12px; text-decoration: none; border-radius: 4px; }
        .menu a[aria-current="page"] { background: var(--accent); color: #fff; }
        .account { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
        .who { color: var(--muted); }
        main { padding: 8px 16px 32px; max-width: 1200px; }
        main:focus { outline: none; }
        h1 { font-size: 1.5rem; margin: 16px 0 8px; }
        h2 { font-size: 1.2rem; margin: 24px 0 8px; }
        form.inline { display: inline; margin: 0; }
        button, .button { font: inherit; min-height: 44px; min-width: 44px; padding: 0 16px; border-radius: 4px;
                          border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer;
                          display: inline-flex; align-items: center; text-decoration: none; }
        button.secondary, .button.secondary { background: var(--paper); color: var(--accent); }
        button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0 8px; }
        label { display: block; font-weight: 600; margin: 8px 0 4px; }
        input[type=text], input[type=password], input[type=search], select, textarea {
            font: inherit; min-height: 44px; width: 100%; max-width: 28rem; padding: 8px; border: 1px solid #767676; border-radius: 4px; }
        input[type=checkbox], input[type=radio] { width: 24px; height: 24px; margin: 10px; vertical-align: middle; }
        textarea { min-height: 6rem; }
        .field { margin-bottom: 12px; }
        .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; }
        .filters .field { flex: 1 1 12rem; margin: 0; }
        .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; align-items: center; }
        .scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--shade); white-space: nowrap; }
        td.num, th.num { text-align: right; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
        .card .count { font-size: 2rem; font-weight: 700; display: block; }
        .card a { display: inline-flex; min-height: 44px; align-items: center; }
        .state { white-space: nowrap; font-weight: 600; }
        .state-hasIssues, .state-rejected { color: var(--bad); }
        .state-approved { color: var(--ok); }
        .state-edited { color: var(--warn); }
        .silent { color: var(--bad); font-weight: 600; }
        .notice { border-left: 4px solid var(--accent); background: var(--shade); padding: 8px 12px; margin: 12px 0; }
        .error { border-left: 4px solid var(--bad); background: #fdf0f0; padding: 8px 12px; margin: 12px 0; }
        .muted { color: var(--muted); }
        .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 12px; }
        .value { border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
        .value.shown { border-color: var(--accent); border-width: 2px; }
        .value label { font-weight: 400; display: flex; gap: 8px; align-items: flex-start; }
        .pager { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 12px 0; }
        .pager a { display: inline-flex; min-height: 44px; min-width: 44px; align-items: center; justify-content: center; }
        dl.fields { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr; gap: 4px 16px; }
        dl.fields dt { font-weight: 600; }
        dl.fields dd { margin: 0; overflow-wrap: anywhere; }
        ol.history { padding-left: 1.2rem; }
        .qr svg { display: block; width: 100%; max-width: 18rem; height: auto; border: 1px solid var(--line); }
        ol.steps li { margin-bottom: 4px; }
        @media (max-width: 600px) {
            header.top { padding: 8px; }
            main { padding: 8px 8px 24px; }
            dl.fields { grid-template-columns: 1fr; }
            dl.fields dd { margin-bottom: 8px; }
            .account { margin-left: 0; }
        }
        """

    /// The dashboard's live update: on each event from the node's `events` stream it fetches the
    /// page again and swaps its counts in. The page works the same without it, by reloading.
    static let live = """
        // Sentra office: live dashboard. The server sends an event when the survey's log grows;
        // the page then fetches itself and replaces the part marked data-live.
        const region = document.querySelector("[data-live]");
        const source = region && region.dataset.live;
        if (region && source && "EventSource" in window) {
          const events = new EventSource(source);
          // The stream is open: the page is live (tests and the curious read data-stream).
          events.addEventListener("open", () => { region.dataset.stream = "open"; });
          events.addEventListener("error", () => { region.dataset.stream = "reconnecting"; });
          let fetching = false;
          let again = false;
          async function refresh() {
            if (fetching) { again = true; return; }
            fetching = true;
            try {
              do {
                again = false;
                const response = await fetch(location.href, { credentials: "same-origin" });
                if (!response.ok) break;
                const page = new DOMParser().parseFromString(await response.text(), "text/html");
                const fresh = page.querySelector("[data-live]");
                if (fresh) {
                  region.innerHTML = fresh.innerHTML;
                  region.dataset.updated = String(Date.now());
                }
              } while (again);
            } finally {
              fetching = false;
            }
          }
          events.addEventListener("change", refresh);
          // Each stream starts with "ready". After a reconnect, something may have changed in
          // the gap, so the page refreshes once.
          let streams = 0;
          events.addEventListener("ready", () => { if (streams++ > 0) refresh(); });
        }
        """
}
