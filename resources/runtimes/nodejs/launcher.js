'use strict';
// Funcdesk Node.js launcher. The executor starts it blank, sends the action's code once (init) and
// then one request per activation (run) on stdin. The protocol is docs/runtime-protocol.md.
// Cold starts matter: startup requires only what init and runs need; zip support loads on demand.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

// Captured before user code runs: replacing JSON, console or process.stdout must not break the protocol.
const { writeSync } = fs;
const { parse, stringify } = JSON;
// Writes to the real process.env are setenv() calls (~1 µs each), and glibc keeps every value ever
// set for the life of the process: per-activation ids and deadlines would grow a warm process by
// ~200 bytes a call, without bound. A plain object in its place reads the same from JavaScript and
// is what child_process hands to child processes.
// The proxy keeps the rest of process.env's behaviour: values become strings, and TZ still
// reaches the real environment (it changes the time zone).
const realEnv = process.env;
let activationContext; // AsyncLocalStorage of the activation running now, in concurrent mode only
const envValues = Object.assign({}, realEnv);
process.env = new Proxy(envValues, {
  get(target, key) {
    // Concurrent activations each see their own __OW_ values (see startConcurrent).
    if (activationContext !== undefined && typeof key === 'string' && key.startsWith('__OW_')) {
      const activation = activationContext.getStore();
      if (activation !== undefined && key in activation.env) return activation.env[key];
    }
    return target[key];
  },
  set(target, key, value) {
    const text = String(value);
    target[key] = text;
    if (key === 'TZ') realEnv.TZ = text;
    return true;
  },
  deleteProperty(target, key) {
    delete target[key];
    if (key === 'TZ') delete realEnv.TZ;
    return true;
  },
});

// Actions get no stdin: fd 0 carries the executor's requests. process.stdin is an empty stream,
// so touching it can neither read requests nor make fd 0 non-blocking.
Object.defineProperty(process, 'stdin', {
  configurable: true,
  enumerable: true,
  get() {
    const empty = require('stream').Readable.from([]);
    Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, value: empty });
    return empty;
  },
});

// The outcome channel arrives as fd 3. Reopen it close-on-exec and close 3, so processes the action
// starts never inherit it and cannot write into a later activation's outcome.
const OUTCOME_FD = (() => {
  try {
    const fd = fs.openSync('/proc/self/fd/3', 'w');
    fs.closeSync(3);
    return fd;
  } catch {
    return 3;
  }
})();
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const NOT_A_DICT = devError('The action did not return a dictionary.');

let action = null; // the entry function, once init has succeeded
let concurrent = false; // init asked for concurrent activations (startConcurrent)
let concurrentFailures = null; // concurrent mode's handlers for errors that escape an activation
let busy = false; // a request is in progress (maybe waiting for a promise or a flush)
let settled = true; // the current request has its outcome already
let pumping = false; // pump() is on the stack, so finishing synchronously must not re-enter it
let ended = false; // stdin reached EOF
const queue = []; // complete request lines waiting for the current request to finish

// An init failure whose message is the whole reason (no "Error: " prefix, no stack in the logs).
class InitFailure extends Error {}

let pause; // Int32Array that Atomics.wait sleeps on; allocated on the first EAGAIN
// Writes all of buf synchronously. Node makes fd 1/2 non-blocking once it opens them as pipe
// streams, so EAGAIN means "pipe full, retry". Other errors (fd closed, reader gone) drop the data.
function writeAll(fd, buf) {
  for (let off = 0; off < buf.length;) {
    try { off += writeSync(fd, buf, off); } catch (err) {
      if (err.code !== 'EAGAIN') return;
      Atomics.wait(pause ??= new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

// process.stdout/stderr are created on first use. As pipes they queue writes when the pipe is full,
// so the ones user code touched must be drained before the outcome line (the executor takes
// everything in the pipes up to that line as this activation's output). Wrapping the lazy getters records
// them without creating the streams ourselves (that would make fd 1/2 non-blocking for child processes).
const streams = [];
let onStream = null; // concurrent mode: (stream, name) => void, for the streams created from then on
for (const name of ['stdout', 'stderr']) {
  const desc = Object.getOwnPropertyDescriptor(process, name);
  if (!desc || !desc.get || !desc.configurable) continue;
  Object.defineProperty(process, name, { configurable: true, enumerable: desc.enumerable, get() {
    Object.defineProperty(process, name, desc); // back to the original getter: record once
    const stream = desc.get.call(process);
    // A pipe stream queues in memory what the pipe cannot take at once: a function that logs in a
    // loop grew that queue to its memory limit long after its timeout should have ended it. Blocking
    // writes wait for the executor to read instead (it drops what passes the log limit), so the
    // launcher's buffering stays at the pipe's size and the function meets its timeout.
    if (stream._handle && typeof stream._handle.setBlocking === 'function') stream._handle.setBlocking(true);
    stream.funcdeskName = name;
    streams.push(stream);
    if (onStream) onStream(stream, name);
    return stream;
  } });
}

// Ends the current request with its outcome line; `log` is launcher text for stderr (a stack trace).
function finish(outcome, log, exitCode) {
  if (settled) return; // e.g. a thenable calling back twice
  settled = true;
  flush(Buffer.from(outcome + '\n'), log, exitCode);
}

function flush(outcome, log, exitCode) {
  if (streams.some((s) => s.writableLength > 0 && !s.destroyed)) {
    setTimeout(flush, 1, outcome, log, exitCode); // user output still queued: poll until written
    return;
  }
  if (log) writeAll(2, Buffer.from(log + '\n'));
  writeAll(OUTCOME_FD, outcome);
  if (exitCode !== undefined) process.exit(exitCode);
  busy = false;
  if (!pumping) pump();
}

function devError(text) {
  return '{"status":"action developer error","result":{"error":' + stringify(text) + '}}';
}

// The launcher must not throw, but String(x) can (a user toString that throws, for example).
function describe(x) {
  try { return String(x); } catch { return Object.prototype.toString.call(x); }
}

// The stack for the logs, without the frames that only show how the launcher called the code: all
// frames of a syntax error (the message already points at the line), else the launcher's and below.
function stackOf(err) {
  try {
    if (!(err instanceof Error)) return undefined;
    const stack = String(err.stack);
    const cut = err instanceof SyntaxError ? stack.indexOf('\n    at ') : stack.indexOf(`(${__filename}:`);
    return cut === -1 ? stack : stack.slice(0, stack.lastIndexOf('\n', cut));
  } catch { return undefined; }
}

function initFailed(err) {
  let reason = err instanceof InitFailure ? err.message : describe(err);
  // V8 gives a syntax error's location only as the first line of its stack: "file:line".
  const at = err instanceof SyntaxError && /^(.*:\d+)\n/.exec(stackOf(err));
  if (at) reason += ' (' + at[1] + ')';
  return stringify({ ok: false, error: 'Initialization has failed due to: ' + reason });
}

// Outcome for a value that main returned or a promise resolved to (`status` given for rejections).
function outcomeOf(result, status) {
  if (result === undefined) return '{"status":"success","result":{}}';
  if (result === null || typeof result !== 'object') return NOT_A_DICT;
  let json;
  try {
    json = stringify(result);
    // toJSON() may turn an object into something else, e.g. a Date into a string.
    if (json === undefined || (json[0] !== '{' && json[0] !== '[')) return NOT_A_DICT;
    status ??= json[0] === '{' && result.error !== undefined ? 'application error' : 'success';
  } catch (err) {
    return devError('The action did not produce a valid JSON response: ' + describe(err && err.message));
  }
  return '{"status":"' + status + '","result":' + json + '}';
}

function rejectionOf(err) {
  const error = err instanceof Error ? { message: err.message, name: err.name, stack: err.stack } : err;
  return outcomeOf({ error: error === undefined ? null : error }, 'application error');
}

function init(spec) {
  if (spec === null || typeof spec !== 'object' || typeof spec.code !== 'string') {
    throw new InitFailure('the first request must be an init with the action code');
  }
  for (const [key, value] of Object.entries(spec.env || {})) {
    process.env[key] = typeof value === 'string' ? value : stringify(value);
  }
  const name = spec.main || 'main';
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new InitFailure(`main must be a function name, not ${stringify(name)}`);
  }
  const fn = spec.binary ? loadZip(spec.code, name) : loadSource(spec.code, name, String(spec.name || 'action'));
  if (typeof fn !== 'function') throw new InitFailure(`${name} is not a function`);
  action = fn;
  concurrent = Number.isInteger(spec.concurrency) && spec.concurrency > 1;
  finish('{"ok":true}');
}

// Runs plain code like a CommonJS module of the working directory (so require finds its
// node_modules). It is compiled under the action's name, so stack traces show the user's lines.
function loadSource(code, mainName, actionName) {
  const dir = process.cwd();
  const filename = path.join(dir, 'index.js');
  const mod = new Module(filename, null);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(dir);
  // A hashbang is only valid at the start of a script, not in a function body; blank it, keep the lines.
  if (code.startsWith('#!')) code = '//' + code;
  // The trailer is the only way to reach a top-level `function main` declared inside the wrapper.
  const trailer = `\n;return typeof ${mainName} === 'function' ? ${mainName} : undefined;`;
  // Lets the code use import() where Node.js can (20.12 and later: vm.constants). Debian 12's
  // Node.js 18 has no vm.constants, and a callback there needs --experimental-vm-modules: inline
  // code runs without import() (require() works), as docs/executor.md says.
  const dynamicImport = vm.constants ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {};
  const compile = (body) => vm.compileFunction(body, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: actionName,
    ...dynamicImport,
  });
  let fn;
  try {
    fn = compile(code + trailer);
  } catch {
    compile(code); // unclosed code fails in the trailer: this reports the error within the user's lines
    throw new InitFailure(`main must be a function name, not the reserved word ${stringify(mainName)}`);
  }
  const declared = fn.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, dir);
  mod.loaded = true;
  return declared || (mod.exports == null ? undefined : mod.exports[mainName]);
}

// A zip action is unpacked with the system's unzip into a temporary directory removed at exit,
// then required as a package: package.json "main", else index.js.
function loadZip(base64, mainName) {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'funcdesk-action-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const zip = path.join(dir, 'action.zip');
  const root = path.join(dir, 'action');
  fs.writeFileSync(zip, Buffer.from(base64, 'base64'));
  try {
    require('child_process').execFileSync('unzip', ['-qq', '-o', zip, '-d', root], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new InitFailure(err.code === 'ENOENT' ? 'zip actions need the unzip program, which was not found'
      : 'the zip file could not be extracted: ' + String(err.stderr || err.message).trim());
  }
  if (!fs.existsSync(path.join(root, 'package.json')) && !fs.existsSync(path.join(root, 'index.js'))) {
    throw new InitFailure('the zip file contains neither package.json nor index.js');
  }
  const exported = require(root);
  return exported == null ? undefined : exported[mainName];
}

function run(request) {
  const env = envValues; // directly: the proxy's traps are for user code
  for (const key in request) {
    const value = request[key];
    if (key !== 'value' && typeof value === 'string') env['__OW_' + key.toUpperCase()] = value;
  }
  let result;
  try {
    result = action(request.value === undefined ? {} : request.value);
  } catch (err) {
    finish(devError('An error has occurred: ' + describe(err)), stackOf(err));
    return;
  }
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    Promise.resolve(result).then((value) => finish(outcomeOf(value)), (err) => finish(rejectionOf(err)));
  } else {
    finish(outcomeOf(result));
  }
}

// Reports about activations that had already ended (a promise they left rejected), held until the
// next request starts so they land in its logs every time: written at once, they would race the
// executor's read of the earlier activation's output and land in either.
const laterLogs = [];
const MAX_LATER_LOGS = 100;
let laterLogsDropped = 0;

function handle(line) {
  busy = true;
  settled = false;
  if (laterLogs.length > 0) {
    if (laterLogsDropped > 0) laterLogs.push(`(${laterLogsDropped} more unhandled rejections from earlier activations not shown)\n`);
    writeAll(2, Buffer.from(laterLogs.join('')));
    laterLogs.length = 0;
    laterLogsDropped = 0;
  }
  try {
    const request = parse(line);
    if (action === null) init(request.init);
    else if (request.init !== undefined) finish(initFailed(new InitFailure('the action is already initialized')));
    else run(request);
  } catch (err) {
    // Init failures land here, and the launcher's own failures to handle a run (a malformed line).
    if (action === null) finish(initFailed(err), err instanceof InitFailure ? undefined : stackOf(err), 1);
    else finish(devError('The launcher could not handle the request: ' + describe(err)));
  }
}

function pump() {
  pumping = true;
  while (!busy && queue.length > 0) {
    const line = queue.shift();
    if (line.trim() !== '') handle(line);
  }
  pumping = false;
  if (busy) return; // an asynchronous activation: finish() calls pump() again
  if (ended) process.exit(0);
  if (concurrent) {
    startConcurrent();
    return;
  }
  // Let the event loop turn once before waiting for the next request, so callbacks and floating
  // rejections of this activation run now and are not blamed on the next one.
  setImmediate(waitForRequest);
}

function waitForRequest() {
  readRequests();
  pump();
}

// Errors thrown later by user callbacks (timers, events, unhandled rejections) escape run(). They
// fail the current request if it has no outcome yet, then end the process as Node itself would.
// A promise an activation left rejected without a handler: reported on stderr (where the next
// activation's logs pick it up) and otherwise harmless, instead of Node's default of ending the
// process, which would fail whichever call meets the process next.
process.on('unhandledRejection', (reason) => {
  if (concurrentFailures) {
    concurrentFailures.rejection(reason);
    return;
  }
  if (!settled) {
    finish(devError('An error has occurred: ' + describe(reason)), stackOf(reason));
    return;
  }
  if (laterLogs.length < MAX_LATER_LOGS) laterLogs.push('Unhandled rejection from an earlier activation: ' + (stackOf(reason) || describe(reason)) + '\n');
  else laterLogsDropped++;
});

process.on('uncaughtException', (err) => {
  const log = stackOf(err) || describe(err);
  if (concurrentFailures) {
    concurrentFailures.exception(err, log);
    return;
  }
  if (!settled) {
    finish(action ? devError('An error has occurred: ' + describe(err)) : initFailed(err), log, 1);
  } else {
    writeAll(2, Buffer.from(log + '\n'));
    process.exit(1);
  }
});

// Requests are read with blocking reads on fd 0 whenever the launcher is idle: no stream machinery
// to load at start-up (about 6 ms of a cold start) and one read() per request. Between activations
// the event loop does not turn, so timers an action left behind wait for the next activation, as in
// a paused OpenWhisk container.
// Requests are lines; a read may hold several lines and a large line spans many reads. Splitting
// bytes on '\n' is safe in UTF-8: the byte never occurs inside a multi-byte character.
const inbox = Buffer.allocUnsafe(64 * 1024);
let partial = []; // copies of the pieces of the line that is not complete yet

// Hands each complete line in bytes[0, end) to onLine and keeps the rest for the next read (copied:
// `bytes` may be a buffer that is read into again).
function splitLines(bytes, end, onLine) {
  let start = 0;
  for (let nl = bytes.indexOf(10); nl !== -1 && nl < end; nl = bytes.indexOf(10, start)) {
    if (partial.length === 0) {
      onLine(bytes.toString('utf8', start, nl));
    } else {
      partial.push(bytes.subarray(start, nl));
      onLine(Buffer.concat(partial).toString());
      partial = [];
    }
    start = nl + 1;
  }
  if (start < end) partial.push(Buffer.from(bytes.subarray(start, end)));
}

function readRequests() {
  while (queue.length === 0 && !ended) {
    let n;
    try {
      n = fs.readSync(0, inbox, 0, inbox.length, null);
    } catch (err) {
      if (err.code === 'EAGAIN') { // user code made fd 0 non-blocking (process.stdin)
        Atomics.wait(pause ??= new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      if (err.code !== 'EOF') throw err;
      n = 0;
    }
    if (n === 0) {
      if (partial.length > 0) queue.push(Buffer.concat(partial).toString());
      ended = true;
      return;
    }
    splitLines(inbox, n, (line) => queue.push(line));
  }
}

// Concurrent mode: OpenWhisk's intra-container concurrency, asked for by init's "concurrency" > 1.
// The executor then sends run requests without waiting for earlier ones to end; each carries a
// "seq" number, and everything the launcher writes about it on fd 3 starts with that number:
//   {"seq":N,"status":…,"result":…}   the outcome, as in sequential mode
//   {"seq":N,"stdout":"text"}          what the activation wrote with console / process.stdout
//   {"seq":N,"stderr":"text"}          … and to stderr
//   {"seq":0,"exiting":true}           the launcher is about to exit (an uncaught exception)
// Requests are read by the event loop, so activations waiting on promises overlap. Which
// activation is running is tracked with AsyncLocalStorage, so its output and its __OW_ variables
// stay its own. Outcomes that end in the same turn of the event loop go out in one write.
// Output that bypasses process.stdout/stderr (writes to fd 1 and 2, child processes) still goes to
// the pipes and is attributed by the executor to the next activation that ends.
function startConcurrent() {
  const { AsyncLocalStorage } = require('async_hooks');
  const context = new AsyncLocalStorage();
  activationContext = context;
  const pending = new Set(); // seq of each activation in flight
  let outbox = [];
  let flushScheduled = false;
  const flushOutbox = () => {
    flushScheduled = false;
    if (outbox.length === 0) return;
    const data = Buffer.from(outbox.join(''));
    outbox = [];
    writeAll(OUTCOME_FD, data);
  };
  const post = (line) => {
    outbox.push(line);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushOutbox);
    }
  };
  const LOG_PIECE = 64 * 1024; // characters per record, so no record grows past a few hundred KB
  const log = (seq, name, text) => {
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + LOG_PIECE, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep a surrogate pair whole
      outbox.push(`{"seq":${seq},"${name}":${stringify(text.slice(at, end))}}\n`);
      at = end;
    }
    flushOutbox(); // written at once, as the pipes would have it: a later timeout must not lose it
  };
  const textOf = (chunk, encoding) => {
    if (typeof chunk === 'string') {
      return encoding && encoding !== 'utf8' && encoding !== 'utf-8' && Buffer.isEncoding(encoding)
        ? Buffer.from(chunk, encoding).toString() : chunk;
    }
    if (ArrayBuffer.isView(chunk)) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString();
    return describe(chunk);
  };
  const capture = (stream, name) => {
    const write = stream.write;
    stream.write = function (chunk, encoding, callback) {
      const activation = context.getStore();
      if (activation === undefined || !pending.has(activation.seq)) return write.apply(this, arguments);
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      log(activation.seq, name, textOf(chunk, encoding));
      if (typeof callback === 'function') process.nextTick(callback);
      return true;
    };
  };
  for (const stream of streams) capture(stream, stream.funcdeskName);
  onStream = capture;
  process.on('exit', flushOutbox); // an activation calling process.exit() must not lose the others' outcomes
  let crashing = false;

  const done = (seq, outcome, stack) => {
    if (!pending.delete(seq)) return; // e.g. a thenable calling back twice
    if (stack) log(seq, 'stderr', stack + '\n');
    post(`{"seq":${seq},` + outcome.slice(1) + '\n');
    if (ended && pending.size === 0 && !crashing) {
      flushOutbox();
      process.exit(0);
    }
  };

  const run = (seq, request) => {
    const env = {};
    for (const key in request) {
      const value = request[key];
      if (key !== 'value' && typeof value === 'string') envValues['__OW_' + key.toUpperCase()] = env['__OW_' + key.toUpperCase()] = value;
    }
    pending.add(seq);
    context.run({ seq, env }, () => {
      let result;
      try {
        result = action(request.value === undefined ? {} : request.value);
      } catch (err) {
        done(seq, devError('An error has occurred: ' + describe(err)), stackOf(err));
        return;
      }
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        Promise.resolve(result).then((value) => done(seq, outcomeOf(value)), (err) => done(seq, rejectionOf(err)));
      } else {
        done(seq, outcomeOf(result));
      }
    });
  };

  const handleLine = (line) => {
    let request;
    try {
      request = parse(line);
    } catch (err) {
      request = undefined;
    }
    const seq = request !== null && typeof request === 'object' ? request.seq : Number(/^\{"seq":(\d+),/.exec(line)?.[1]);
    if (!Number.isSafeInteger(seq) || seq < 0) {
      writeAll(2, Buffer.from('The launcher received a request it cannot answer: ' + line.slice(0, 200) + '\n'));
      return;
    }
    if (request === undefined) {
      pending.add(seq);
      done(seq, devError('The launcher could not handle the request: it is not JSON'));
    } else if (request.init !== undefined) {
      pending.add(seq);
      done(seq, initFailed(new InitFailure('the action is already initialized')));
    } else {
      run(seq, request);
    }
  };

  // A throw from a callback cannot be pinned on one activation: every one in flight fails, and the
  // process ends, as a crashed OpenWhisk container takes its activations with it.
  concurrentFailures = {
    exception(err, stack) {
      crashing = true;
      const inFlight = [...pending];
      for (const seq of inFlight) done(seq, devError('An error has occurred: ' + describe(err)), stack);
      outbox.push('{"seq":0,"exiting":true}\n'); // so the executor sends nothing more this way
      flushOutbox();
      if (inFlight.length === 0 && stack) writeAll(2, Buffer.from(stack + '\n'));
      process.exit(1);
    },
    rejection(reason) {
      writeAll(2, Buffer.from('Unhandled rejection: ' + (stackOf(reason) || describe(reason)) + '\n'));
    },
  };

  const input = new (require('net').Socket)({ fd: 0, readable: true, writable: false });
  input.on('data', (chunk) => {
    splitLines(chunk, chunk.length, (line) => {
      if (line.trim() !== '') handleLine(line);
    });
    flushOutbox(); // the activations that ended synchronously: no need to wait for the loop's turn
  });
  const close = () => {
    ended = true;
    if (pending.size === 0) {
      flushOutbox();
      process.exit(0);
    }
  };
  input.on('end', close);
  input.on('error', close);
}

// With no stdin stream open, nothing else keeps the event loop alive while an action waits on a
// promise that nothing will resolve; that must end in the executor's timeout, not in an exit.
setInterval(() => {}, 0x7fffffff);
pump();
