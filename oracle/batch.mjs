// One long-lived CPython 3.14.2 (pyodide) serving many jobs for `cargo xtask conformance`.
//   node oracle/batch.mjs        (run by oracle/batch, which raises the stack limits first)
// Protocol: one JSON request per line on stdin; for each, one JSON header line on stdout,
// `{"id":N,"status":S,"lens":[a,b,...]}`, followed by exactly a+b+... raw bytes (the parts).
// Requests:
//   {"id":N,"kind":"run","argv":[...]}   like `oracle/python ARGV...`: parts [stdout, stderr]
//   {"id":N,"kind":"pyc","path":P,"out":O} py_compile.compile to O: parts [stdout, stderr, pyc, canon]
//   {"id":N,"kind":"canon","path":P}     canonical form of the .pyc file P: parts [text]
//   {"id":N,"kind":"compiles","path":P}  status 0 when compile() accepts P, 1 when it raises
//   {"id":N,"kind":"extract","zip":Z,"dest":D} extract the .py members of Z into D: parts [names]
// When the interpreter dies inside a job the header says `"fatal":MESSAGE` and the process exits:
// the caller restarts it. Every Python-level outcome (exceptions included) is a normal reply.
import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
// stdout carries the protocol: anything pyodide logs goes to stderr.
console.log = (...a) => console.error(...a);
console.info = console.log;

const { loadPyodide } = await import(path.join(here, "node_modules/pyodide/pyodide.mjs"));
const py = await loadPyodide({ env: { PYTHONHASHSEED: "0", HOME: "/home/pyodide" } });

// Captured streams: the same raw byte hooks as oracle/python.mjs, writing into the current job.
let out = [];
let err = [];
py.setStdout({ write: (buf) => { out.push(Buffer.from(buf)); return buf.length; } });
py.setStderr({ write: (buf) => { err.push(Buffer.from(buf)); return buf.length; } });

const mounted = new Set();
function mount(dir) {
  dir = path.resolve(dir);
  for (const m of mounted) if (dir === m || dir.startsWith(m + "/")) return;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
  py.FS.mkdirTree(dir);
  py.FS.mount(py.FS.filesystems.NODEFS, { root: dir }, dir);
  mounted.add(dir);
}
function mountFor(p) {
  if (!p.startsWith("/")) return;
  mount(fs.existsSync(p) && fs.statSync(p).isDirectory() ? p : path.dirname(p));
}
mount(process.cwd());
mount(os.tmpdir());
// Every job resolves relative paths against the checkout, whichever kind of job comes first:
// only `run` jobs changed directory, so a process whose first job compiled a file could not
// find it (and that FileNotFoundError was cached as the oracle's answer).
py.globals.set("_cwd", process.cwd());
py.runPython("import os; os.chdir(_cwd)");

// The very Python block oracle/python.mjs runs, so that `run` jobs print exactly what
// `oracle/python ARGV` prints, tracebacks (`File "<exec>", line 9`) included.
const wrapper = fs.readFileSync(path.join(here, "python.mjs"), "utf8");
const match = wrapper.match(/py\.runPython\(`([\s\S]*?)`\);/);
if (!match) throw new Error("oracle/batch.mjs: cannot find the runPython block in python.mjs");
const runBlock = match[1];
// Taken as raw text, so it must be what the template literal evaluates to as well.
if (/\\|\$\{/.test(runBlock)) throw new Error("oracle/batch.mjs: the python.mjs block uses escapes");

const helpers = py.globals.get("dict")();
py.runPython(fs.readFileSync(path.join(here, "harness.py"), "utf8"), { globals: helpers });
const pyCompile = helpers.get("compile_pyc");
const canon = helpers.get("canonical_pyc_file");
const compiles = helpers.get("compiles");
const extract = helpers.get("extract_py_members");
const collect = helpers.get("collect");

// stdout may be a non-blocking pipe: writeSync can write part of a buffer or fail with EAGAIN,
// and a lost byte would desynchronize the protocol, so write until everything is out.
const pause = new Int32Array(new SharedArrayBuffer(4));
function writeAll(buf) {
  let offset = 0;
  while (offset < buf.length) {
    try {
      offset += fs.writeSync(1, buf, offset, buf.length - offset);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

function reply(id, status, parts, extra = {}) {
  const lens = parts.map((p) => p.length);
  writeAll(Buffer.from(JSON.stringify({ id, status, lens, ...extra }) + "\n"));
  for (const p of parts) writeAll(p);
}

// Calls a helper returning (status, [bytes...]) and converts it to JS buffers.
function callHelper(fn, ...args) {
  const result = fn(...args);
  try {
    const [status, parts] = result.toJs();
    return [status, parts.map((p) => Buffer.from(p))];
  } finally {
    result.destroy();
  }
}

function handle(req) {
  out = [];
  err = [];
  switch (req.kind) {
    case "run": {
      for (const a of req.argv) mountFor(a);
      py.globals.set("_argv", py.toPy(req.argv));
      py.globals.set("_cwd", process.cwd());
      const status = py.runPython(runBlock);
      return [status, [Buffer.concat(out), Buffer.concat(err)]];
    }
    case "pyc": {
      mountFor(req.path);
      mountFor(req.out);
      collect();
      const [status, parts] = callHelper(pyCompile, req.path, req.out);
      return [status, [Buffer.concat(out), Buffer.concat(err), ...parts]];
    }
    case "canon":
      mountFor(req.path);
      return callHelper(canon, req.path);
    case "compiles":
      mountFor(req.path);
      return callHelper(compiles, req.path);
    case "extract":
      mountFor(req.zip);
      mountFor(req.dest);
      return callHelper(extract, req.zip, req.dest);
    default:
      throw new Error(`unknown request kind ${req.kind}`);
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const req = JSON.parse(line);
  let status, parts;
  try {
    [status, parts] = handle(req);
  } catch (e) {
    // A JS-level exception here means the interpreter itself failed (e.g. a wasm stack
    // overflow): its state can no longer be trusted, so report and exit.
    reply(req.id, -1, [], { fatal: String(e && e.stack ? e.stack : e) });
    process.exit(70);
  }
  reply(req.id, status, parts);
}
