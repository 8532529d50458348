// sentra-cli.mjs: runs the real `sentra` binary for the live protocol tests: a temporary office
// node (`sentra init`, tokens, `sentra serve --port 0`) and a second device (a tablet) that syncs
// with it through `sentra sync`. Not a test file itself (no `.test.` in its name).

import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../js/json.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The `sentra` binary: `$SENTRA_BIN`, else `<repo>/.build/debug/sentra`. Throws when missing. */
export function sentraBin() {
  const bin = process.env.SENTRA_BIN || join(repoRoot, ".build/debug/sentra");
  if (!existsSync(bin)) {
    throw new Error(`the live protocol tests need the sentra binary, and there is none at ${bin}: run \`swift build\` in ${repoRoot} first, or set SENTRA_BIN to the built binary`);
  }
  return bin;
}

/** A random node ID as Sentra makes them: 16 lowercase hex digits. */
export function randomNodeId() {
  return randomBytes(8).toString("hex");
}

/**
 * Runs `sentra ARGS` in `cwd` and returns its stdout; rejects with its stderr on a non-zero exit.
 * @param {string[]} args
 * @param {string} cwd
 */
export function sentra(args, cwd) {
  return new Promise((resolvePromise, reject) => {
    execFile(sentraBin(), args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`sentra ${args.join(" ")} failed (${error.code}): ${stderr.trim()}`));
      else resolvePromise(stdout);
    });
  });
}

/** Runs `sentra ARGS --json` and parses its stdout with json.js (big integers exact). */
export async function sentraJSON(args, cwd) {
  return parse(await sentra([...args, "--json"], cwd));
}

const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts `sentra serve --db DB --host 127.0.0.1 --port 0` and waits for the URL it prints.
 * @returns {Promise<{url: string, stop: () => Promise<void>}>}
 */
export function serve(db, cwd) {
  const child = spawn(sentraBin(), ["serve", "--db", db, "--host", "127.0.0.1", "--port", "0"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const exited = new Promise((done) => child.once("exit", () => {
    running.delete(child);
    done();
  }));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`sentra serve printed no URL in 20 s: ${output}`));
    }, 20000);
    const look = (chunk) => {
      output += chunk;
      const match = /https?:\/\/[^\s"]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[0], stop });
      }
    };
    child.stdout.setEncoding("utf8").on("data", look);
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sentra serve exited (${code}) before it listened: ${output}`));
    });
  });
}

/**
 * A temporary office node `kantor` serving survey `ikm`, a phone token and a tablet token issued on
 * it, and a tablet replica `tab.db` (not yet synced). `close()` stops the server and removes the
 * directory; call it in `finally`.
 */
export async function openSite() {
  sentraBin();
  const dir = await mkdtemp(join(tmpdir(), "sentra-fieldsync-"));
  const run = (args) => sentra(args, dir);
  const json = (args) => sentraJSON(args, dir);
  let server;
  try {
    const office = await json(["init", "--db", "kantor.db", "--name", "kantor", "--survey", "ikm"]);
    const phone = await json(["token", "create", "--db", "kantor.db", "--name", "phone-1", "--role", "enumerator"]);
    const tablet = await json(["token", "create", "--db", "kantor.db", "--name", "tab-1", "--role", "enumerator"]);
    const tab = await json(["init", "--db", "tab.db", "--name", "tablet-1", "--survey", "ikm"]);
    server = await serve("kantor.db", dir);
    const site = {
      dir, run, json, url: server.url, officeId: office.node.id, tabletId: tab.node.id,
      phoneToken: phone.token, tabletToken: tablet.token,
      /** `sentra sync` of the tablet with the office. */
      syncTablet: () => json(["sync", server.url, "--db", "tab.db", "--token", tablet.token]),
      stop: () => server.stop(),
      close: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return site;
  } catch (error) {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
