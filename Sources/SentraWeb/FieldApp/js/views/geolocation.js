// views/geolocation.js: a geopoint from the browser's location. It shows the reading's accuracy
// ("±12 m") and saves only when "Simpan lokasi" is pressed; a refusal or a timeout says so and
// leaves the rest of the form alone (UX.md: a geopoint never blocks the form).

import { h, replace } from "../dom.js";
import { t } from "../words.js";

/**
 * Asks the browser for the location and offers to save it into `field`.
 * @param {object} app
 * @param {object} field the geopoint field
 * @param {(text: string) => Promise<void>} save called with "LAT,LON", as a geopoint is typed; the
 *   accuracy is shown before saving, and not stored (a geopoint holds `{lat, lon}` only)
 */
export function takeLocation(app, field, save) {
  const block = document.getElementById(`q-${field.name}-block`);
  const panel = block?.querySelector(".location-panel") ?? h("div", { class: "location-panel", role: "status" });
  block?.append(panel);
  replace(panel, t("locationWaiting"));
  if (!("geolocation" in navigator)) {
    replace(panel, t("locationUnavailable", { message: "—" }));
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (position) => {
      const { latitude, longitude, accuracy } = position.coords;
      const reading = `${latitude},${longitude}`;
      replace(panel,
        h("span", { class: "accuracy" }, t("accuracy", { m: Math.round(accuracy) })), " ",
        h("button", { type: "button", class: "primary", onclick: () => save(reading) }, t("locationSave")),
        " ",
        h("button", { type: "button", class: "secondary", onclick: () => takeLocation(app, field, save) }, t("locationAgain")));
    },
    (error) => replace(panel, error.code === error.PERMISSION_DENIED ? t("locationDenied") : t("locationUnavailable", { message: error.message })),
    { enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 },
  );
}
