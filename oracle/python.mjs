// Runs CPython 3.14.2 (the pinned pyodide build) like `python3.14`:
//   node oracle/python.mjs [-m MODULE | -c CODE | SCRIPT] [ARGS...]
// The current directory, the system temp folder and every absolute-path argument's folder are
// mounted at the same paths, so paths printed by CPython are the host's paths.
import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const { loadPyodide } = await import(path.join(here, "node_modules/pyodide/pyodide.mjs"));

const args = process.argv.slice(2);
const py = await loadPyodide({
  env: { PYTHONHASHSEED: "0", HOME: "/home/pyodide" },
});
// Raw byte streams, so output is exact to the byte (no line buffering, no added newlines).
py.setStdout({ write: (buf) => { fs.writeSync(1, buf); return buf.length; } });
py.setStderr({ write: (buf) => { fs.writeSync(2, buf); return buf.length; } });

const mounted = new Set();
function mount(dir) {
  dir = path.resolve(dir);
  for (const m of mounted) if (dir === m || dir.startsWith(m + "/")) return;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
  py.FS.mkdirTree(dir);
  py.FS.mount(py.FS.filesystems.NODEFS, { root: dir }, dir);
  mounted.add(dir);
}
mount(process.cwd());
mount(os.tmpdir());
for (const a of args) if (a.startsWith("/")) mount(fs.existsSync(a) && fs.statSync(a).isDirectory() ? a : path.dirname(a));

py.globals.set("_argv", py.toPy(args));
py.globals.set("_cwd", process.cwd());
const code = py.runPython(`
import os, sys, runpy
os.chdir(_cwd)
argv = list(_argv)
status = 0
try:
    if argv and argv[0] == "-m":
        sys.argv = [argv[1]] + argv[2:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    elif argv and argv[0] == "-c":
        sys.argv = ["-c"] + argv[2:]
        exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})
    elif argv:
        sys.argv = argv
        runpy.run_path(argv[0], run_name="__main__")
    else:
        exec(compile(sys.stdin.read(), "<stdin>", "exec"), {"__name__": "__main__"})
except SystemExit as e:
    if e.code is None:
        status = 0
    elif isinstance(e.code, int):
        status = e.code
    else:
        print(e.code, file=sys.stderr)
        status = 1
except BaseException:
    import traceback
    traceback.print_exc()
    status = 1
sys.stdout.flush(); sys.stderr.flush()
status
`);
process.exitCode = code;
