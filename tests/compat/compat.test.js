// Compat suite: the official OpenWhisk JavaScript client (npm `openwhisk`, 3.21.x) drives a
// fresh `funcdeskd serve` through actions, invocations, triggers, rules, activations and the
// whisk.system catalog, and every answer is checked. An independent client that works unchanged is the point: nothing here
// knows how funcdeskd is built.
//
//   OPENWHISK_CLIENT=<dir of the openwhisk package> node compat.test.js FUNCDESKD
'use strict'

const assert = require('node:assert/strict')
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const readline = require('node:readline')

const funcdeskd = process.argv[2]
const clientDir = process.env.OPENWHISK_CLIENT
if (!funcdeskd || !clientDir) {
  console.error('usage: OPENWHISK_CLIENT=DIR node compat.test.js FUNCDESKD')
  process.exit(2)
}
// The client honours proxy variables; loopback traffic must not go through one.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'PROXY', 'proxy']) {
  delete process.env[name]
}
for (const name of Object.keys(process.env)) {
  if (name.startsWith('__OW_')) delete process.env[name]
}
const openwhisk = require(clientDir)
const clientVersion = require(path.join(clientDir, 'package.json')).version

const ACTION = 'compat-hello'
const TRIGGER = 'compat-events'
const RULE = 'compat-rule'
const CODE_V1 = "function main(params) { return {greeting: params.greeting, name: params.name || 'stranger', v: 1} }"
const CODE_V2 = "function main(params) { console.log('compat log line ' + (params.name || '')); " +
                "return {greeting: params.greeting, name: params.name || 'stranger', v: 2} }"
const ACTIVATION_ID = /^[0-9a-f]{32}$/
const OVERALL_LIMIT_MS = 240000

let server = null
let serverExit = null
let serverStderr = ''
let dataDir = null
let passed = 0
let failed = 0

function log (...args) { console.log(...args) }

function stopServer () {
  if (server && serverExit === null) {
    try { server.kill('SIGTERM') } catch (e) { /* already gone */ }
  }
}

function cleanUp () {
  stopServer()
  if (dataDir) {
    try { fs.rmSync(dataDir, { recursive: true, force: true }) } catch (e) { /* best effort */ }
  }
}

process.on('exit', cleanUp)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { cleanUp(); process.exit(1) })
}
const watchdog = setTimeout(() => {
  console.error(`compat: gave up after ${OVERALL_LIMIT_MS / 1000} s`)
  dumpServerStderr()
  process.exit(1)
}, OVERALL_LIMIT_MS)
watchdog.unref()

function dumpServerStderr () {
  if (serverStderr) console.error('--- funcdeskd stderr (last 4 KB) ---\n' + serverStderr.slice(-4096))
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

// Polls `probe` until it returns something truthy (errors count as "not yet").
async function eventually (what, probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs
  let lastError = null
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value) return value
    } catch (e) {
      lastError = e
    }
    await sleep(100)
  }
  throw new Error(`timed out waiting for ${what}` + (lastError ? ` (last error: ${lastError.message})` : ''))
}

async function rejectsWith (promise, statusCode) {
  try {
    await promise
  } catch (e) {
    assert.equal(e.statusCode, statusCode, `expected HTTP ${statusCode}, got: ${e.message}`)
    assert.equal(typeof e.error, 'object', 'the error carries the response body')
    assert.equal(typeof e.error.error, 'string', 'the error body has an "error" message')
    return e
  }
  assert.fail(`expected a rejection with HTTP ${statusCode}`)
}

function annotation (entity, key) {
  const found = (entity.annotations || []).find(a => a.key === key)
  return found ? found.value : undefined
}

function startServer () {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'funcdesk-compat-'))
  server = spawn(funcdeskd, ['serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
                 { stdio: ['ignore', 'pipe', 'pipe'] })
  server.stderr.on('data', chunk => { serverStderr = (serverStderr + chunk).slice(-65536) })
  const exited = new Promise(resolve => server.on('exit', (code, signal) => {
    serverExit = { code, signal }
    resolve(serverExit)
  }))
  const listening = new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: server.stdout })
    lines.on('line', line => {
      const m = /^funcdeskd listening on (http:\/\/\S+:(\d+))\s*$/.exec(line)
      if (m) resolve({ url: m[1], port: Number(m[2]) })
    })
    server.on('error', reject)
    exited.then(e => reject(new Error(`funcdeskd exited before listening (code ${e.code}, signal ${e.signal})`)))
    setTimeout(() => reject(new Error('funcdeskd did not print its listening line within 30 s')), 30000).unref()
  })
  return { listening, exited }
}

async function main () {
  log(`compat: openwhisk client ${clientVersion}, funcdeskd ${funcdeskd}`)
  const { listening, exited } = startServer()
  const { url, port } = await listening
  assert.ok(port > 0)
  const apiKey = fs.readFileSync(path.join(dataDir, 'auth'), 'utf8').trim()
  assert.match(apiKey, /^[^:\s]+:[^:\s]+$/, 'DATA_DIR/auth holds uuid:key')
  log(`compat: funcdeskd at ${url}`)

  // notes §6: apihost without a scheme means https to the client, so pass http:// explicitly.
  const ow = openwhisk({ apihost: `http://127.0.0.1:${port}`, api_key: apiKey, namespace: 'guest' })
  const steps = []
  const step = (name, fn) => steps.push({ name, fn })
  const state = {}

  step('namespaces.list names the caller\'s namespace', async () => {
    assert.deepEqual(await ow.namespaces.list(), ['guest'])
  })

  step('actions.create with limits and parameters', async () => {
    const action = await ow.actions.create({
      name: ACTION, action: CODE_V1, kind: 'nodejs:default',
      params: { greeting: 'hello' }, limits: { timeout: 5000, memory: 128 }
    })
    assert.equal(action.name, ACTION)
    assert.equal(action.namespace, 'guest')
    assert.equal(action.version, '0.0.1')
    assert.match(action.exec.kind, /^nodejs:/)
    assert.equal(action.limits.timeout, 5000)
    assert.equal(action.limits.memory, 128)
    assert.deepEqual(action.parameters, [{ key: 'greeting', value: 'hello' }])
  })

  step('actions.create of an existing name without overwrite is a conflict', async () => {
    await rejectsWith(ow.actions.create({ name: ACTION, action: CODE_V1 }), 409)
  })

  step('actions.update bumps the version and merges the limits', async () => {
    const action = await ow.actions.update({ name: ACTION, action: CODE_V2, params: { greeting: 'hello' }, limits: { timeout: 6000 } })
    assert.equal(action.version, '0.0.2')
    assert.equal(action.limits.timeout, 6000)
    assert.equal(action.limits.memory, 128, 'limits not given keep their value')
  })

  step('actions.get returns the code, parameters and limits', async () => {
    const action = await ow.actions.get({ name: ACTION })
    assert.equal(action.name, ACTION)
    assert.equal(action.version, '0.0.2')
    assert.equal(action.exec.code, CODE_V2)
    assert.equal(action.exec.binary, false)
    assert.deepEqual(action.parameters, [{ key: 'greeting', value: 'hello' }])
    assert.equal(action.limits.timeout, 6000)
    assert.match(String(annotation(action, 'exec')), /^nodejs:/)
  })

  step('actions.get of a missing action is a 404', async () => {
    await rejectsWith(ow.actions.get({ name: 'compat-no-such-action' }), 404)
  })

  step('actions.list lists the action without its code; count=true counts', async () => {
    const list = await ow.actions.list()
    assert.ok(Array.isArray(list))
    const item = list.find(a => a.name === ACTION)
    assert.ok(item, 'the action is listed')
    assert.equal(item.version, '0.0.2')
    assert.equal(item.exec.code, undefined, 'a listing carries no code')
    const count = await ow.actions.list({ count: true })
    assert.deepEqual(count, { actions: list.length })
  })

  step('actions.invoke blocking returns the activation', async () => {
    const activation = await ow.actions.invoke({ name: ACTION, params: { name: 'Ada' }, blocking: true })
    assert.match(activation.activationId, ACTIVATION_ID)
    assert.equal(activation.name, ACTION)
    assert.equal(activation.namespace, 'guest')
    assert.equal(activation.version, '0.0.2')
    assert.equal(activation.response.status, 'success')
    assert.equal(activation.response.success, true)
    assert.deepEqual(activation.response.result, { greeting: 'hello', name: 'Ada', v: 2 })
    assert.ok(activation.end >= activation.start)
    assert.equal(activation.duration, activation.end - activation.start)
    state.blockingId = activation.activationId
  })

  step('actions.invoke blocking with result:true returns the result only', async () => {
    const result = await ow.actions.invoke({ name: ACTION, params: { name: 'Grace' }, blocking: true, result: true })
    assert.deepEqual(result, { greeting: 'hello', name: 'Grace', v: 2 })
  })

  step('actions.invoke non-blocking, then activations.get until done', async () => {
    const accepted = await ow.actions.invoke({ name: ACTION, params: { name: 'Linus' } })
    assert.deepEqual(Object.keys(accepted), ['activationId'])
    assert.match(accepted.activationId, ACTIVATION_ID)
    const done = await eventually('the non-blocking activation', async () => {
      const a = await ow.activations.get({ name: accepted.activationId })
      return a.response && a.end ? a : null
    })
    assert.equal(done.activationId, accepted.activationId)
    assert.deepEqual(done.response.result, { greeting: 'hello', name: 'Linus', v: 2 })
    state.nonBlockingId = accepted.activationId
  })

  step('triggers.create and rules.create (a new rule is active)', async () => {
    const trigger = await ow.triggers.create({ name: TRIGGER })
    assert.equal(trigger.name, TRIGGER)
    assert.equal(trigger.version, '0.0.1')
    const rule = await ow.rules.create({ name: RULE, action: ACTION, trigger: TRIGGER })
    assert.equal(rule.name, RULE)
    assert.equal(rule.status, 'active')
    assert.deepEqual(rule.trigger, { path: 'guest', name: TRIGGER })
    assert.deepEqual(rule.action, { path: 'guest', name: ACTION })
  })

  step('triggers.invoke fires the rule; its action activation appears in activations.list', async () => {
    const fired = await ow.triggers.invoke({ name: TRIGGER, params: { name: 'Rule' } })
    assert.match(fired.activationId, ACTIVATION_ID)
    // The trigger's own activation names the rule and the action activation it started.
    const triggerActivation = await eventually('the trigger activation', () => ow.activations.get({ name: fired.activationId }))
    assert.equal(triggerActivation.name, TRIGGER)
    assert.equal(triggerActivation.response.result.name, 'Rule', 'the trigger activation holds the payload')
    const ruleLog = triggerActivation.logs.map(line => JSON.parse(line)).find(entry => entry.rule === `guest/${RULE}`)
    assert.ok(ruleLog, 'the trigger activation logs the rule it fired')
    assert.equal(ruleLog.action, `guest/${ACTION}`)
    assert.match(ruleLog.activationId, ACTIVATION_ID)
    const listed = await eventually('the rule\'s action activation in activations.list', async () => {
      const list = await ow.activations.list({ name: ACTION, limit: 30, docs: true })
      return list.find(a => a.activationId === ruleLog.activationId && a.end)
    })
    assert.equal(listed.name, ACTION)
    assert.deepEqual(listed.response.result, { greeting: 'hello', name: 'Rule', v: 2 })
  })

  step('rules.disable: the rule is inactive and a fire starts nothing', async () => {
    await ow.rules.disable({ name: RULE })
    const rule = await ow.rules.get({ name: RULE })
    assert.equal(rule.status, 'inactive')
    const fired = await ow.triggers.invoke({ name: TRIGGER, params: { name: 'Nobody' } })
    assert.ok(!fired || !fired.activationId, `no activation when no rule is active (got ${JSON.stringify(fired)})`)
  })

  step('rules.enable: the rule is active again', async () => {
    await ow.rules.enable({ name: RULE })
    const rule = await ow.rules.get({ name: RULE })
    assert.equal(rule.status, 'active')
    const trigger = await ow.triggers.get({ name: TRIGGER })
    assert.equal(trigger.rules[`guest/${RULE}`].status, 'active')
  })

  step('activations.list: newest first, summaries; count=true counts', async () => {
    const list = await ow.activations.list({ name: ACTION, limit: 200 })
    assert.ok(list.length >= 4, `at least 4 activations of ${ACTION}, got ${list.length}`)
    for (const a of list) {
      assert.equal(a.name, ACTION)
      assert.match(a.activationId, ACTIVATION_ID)
    }
    for (let i = 1; i < list.length; ++i) assert.ok(list[i - 1].start >= list[i].start, 'newest first')
    for (const id of [state.blockingId, state.nonBlockingId]) {
      assert.ok(list.some(a => a.activationId === id), `activation ${id} is listed`)
    }
    const limited = await ow.activations.list({ name: ACTION, limit: 1 })
    assert.equal(limited.length, 1)
    const count = await ow.activations.list({ name: ACTION, count: true })
    assert.deepEqual(count, { activations: list.length })
  })

  step('activations.get / logs / result of a blocking activation', async () => {
    const activation = await ow.activations.get({ name: state.blockingId })
    assert.equal(activation.activationId, state.blockingId)
    assert.equal(activation.subject !== undefined, true)
    assert.ok(Array.isArray(activation.logs))
    assert.equal(annotation(activation, 'path'), `guest/${ACTION}`)
    assert.match(String(annotation(activation, 'kind')), /^nodejs:/)
    const logs = await ow.activations.logs({ name: state.blockingId })
    assert.ok(Array.isArray(logs.logs))
    assert.ok(logs.logs.some(line => line.includes('compat log line Ada')), `logs hold the action's output: ${JSON.stringify(logs.logs)}`)
    const result = await ow.activations.result({ name: state.blockingId })
    assert.equal(result.status, 'success')
    assert.equal(result.success, true)
    assert.deepEqual(result.result, { greeting: 'hello', name: 'Ada', v: 2 })
  })

  step('activations.get of an unknown id is a 404', async () => {
    await rejectsWith(ow.activations.get({ name: '0123456789abcdef0123456789abcdef' }), 404)
  })

  step('packages.get of /whisk.system/alarms reads the system catalog from guest', async () => {
    const pkg = await ow.packages.get({ name: '/whisk.system/alarms' })
    assert.equal(pkg.name, 'alarms')
    assert.equal(pkg.namespace, 'whisk.system')
    assert.equal(pkg.publish, true)
    assert.equal(annotation(pkg, 'description'), 'Alarms and periodic utility')
    assert.ok(Array.isArray(pkg.actions) && Array.isArray(pkg.feeds), 'a package GET lists actions and feeds')
    for (const feed of pkg.feeds) assert.equal(annotation(feed, 'feed'), true, `${feed.name} is annotated feed: true`)
    const listed = await ow.packages.list({ namespace: 'whisk.system' })
    assert.deepEqual(listed.map(p => p.name).sort(), ['alarms', 'apimgmt', 'storage', 'utils'])
  })

  step('actions.invoke of /whisk.system/utils/sort runs it for guest', async () => {
    const result = await ow.actions.invoke({ name: '/whisk.system/utils/sort', params: { lines: ['pear', 'apple', 'fig'] }, blocking: true, result: true })
    assert.deepEqual(result, { lines: ['apple', 'fig', 'pear'], length: 3 })
  })

  step('writes to /whisk.system are refused with 403', async () => {
    const e = await rejectsWith(ow.actions.update({ name: '/whisk.system/utils/echo', action: 'function main() { return {} }' }), 403)
    assert.equal(e.error.error, "The supplied authentication is not authorized to access 'whisk.system/utils/echo'.")
    await rejectsWith(ow.triggers.create({ name: '/whisk.system/compat-trigger' }), 403)
  })

  step('triggers.invoke on a trigger whose rule points at /whisk.system/utils/echo', async () => {
    const trigger = 'compat-catalog-events'
    const rule = 'compat-catalog-echo'
    await ow.triggers.create({ name: trigger })
    const created = await ow.rules.create({ name: rule, action: '/whisk.system/utils/echo', trigger })
    assert.deepEqual(created.action, { path: 'whisk.system/utils', name: 'echo' })
    const fired = await ow.triggers.invoke({ name: trigger, params: { payload: 'Five fuzzy felines' } })
    assert.match(fired.activationId, ACTIVATION_ID)
    const triggerActivation = await eventually('the trigger activation', () => ow.activations.get({ name: fired.activationId }))
    const lines = triggerActivation.logs.map(line => JSON.parse(line))
    assert.equal(lines.length, 1)
    assert.equal(lines[0].rule, `guest/${rule}`)
    assert.equal(lines[0].action, 'whisk.system/utils/echo')
    assert.equal(lines[0].statusCode, 0)
    assert.equal(lines[0].success, true)
    const echoed = await eventually('the echo activation', async () => {
      const a = await ow.activations.get({ name: lines[0].activationId })
      return a.end ? a : null
    })
    assert.equal(echoed.namespace, 'guest')
    assert.equal(annotation(echoed, 'path'), 'whisk.system/utils/echo')
    assert.deepEqual(echoed.response.result, { payload: 'Five fuzzy felines' })
    await ow.rules.delete({ name: rule })
    await ow.triggers.delete({ name: trigger })
  })

  // The alarms feed as the client drives it (notes §4): the trigger carries the feed annotation,
  // feeds.create/get/delete invoke /whisk.system/alarms/alarm blocking with the lifecycle event.
  const ALARM_FEED = '/whisk.system/alarms/alarm'
  const ALARM_TRIGGER = 'compat-alarm'
  const ALARM_ACTION = 'compat-alarm-action'
  const ALARM_RULE = 'compat-alarm-rule'

  step('feeds.create with /whisk.system/alarms/alarm every second; the rule\'s action runs', async () => {
    await ow.triggers.create({ name: ALARM_TRIGGER, trigger: { annotations: [{ key: 'feed', value: ALARM_FEED }] } })
    await ow.actions.create({ name: ALARM_ACTION, action: 'function main (p) { return { tick: p.tick } }' })
    await ow.rules.create({ name: ALARM_RULE, action: ALARM_ACTION, trigger: ALARM_TRIGGER })
    const created = await ow.feeds.create({
      name: ALARM_FEED, trigger: ALARM_TRIGGER, params: { cron: '*/1 * * * * *', trigger_payload: { tick: 'yes' } }
    })
    assert.equal(created.response.success, true)
    assert.deepEqual(created.response.result, { status: 'success' })
    const ran = await eventually('an activation of the alarm\'s action', async () => {
      const list = await ow.activations.list({ name: ALARM_ACTION, docs: true })
      return list.find(a => a.end && a.response)
    }, 20000)
    assert.deepEqual(ran.response.result, { tick: 'yes' })
  })

  step('feeds.get answers READ with the config and status', async () => {
    const read = await ow.feeds.get({ name: ALARM_FEED, trigger: ALARM_TRIGGER })
    const { config, status } = read.response.result
    assert.equal(config.name, ALARM_TRIGGER)
    assert.equal(config.namespace, 'guest')
    assert.equal(config.cron, '*/1 * * * * *')
    assert.deepEqual(config.payload, { tick: 'yes' })
    assert.equal(status.active, true)
    assert.equal(typeof status.dateChanged, 'number')
    assert.equal(status.dateChangedISO, new Date(status.dateChanged).toISOString().replace(/\.\d{3}Z$/, 'Z'))
  })

  step('feeds.delete stops the alarm; a READ then fails with the package\'s text', async () => {
    const deleted = await ow.feeds.delete({ name: ALARM_FEED, trigger: ALARM_TRIGGER })
    assert.deepEqual(deleted.response.result, { status: 'success' })
    try {
      await ow.feeds.get({ name: ALARM_FEED, trigger: ALARM_TRIGGER })
      assert.fail('a READ after DELETE should fail')
    } catch (e) {
      assert.equal(e.statusCode, 502, `expected HTTP 502, got: ${e.message}`)
      assert.equal(e.error.response.result.error, `could not find trigger /guest/${ALARM_TRIGGER} in the database`)
    }
    const count = async () => (await ow.activations.list({ name: ALARM_ACTION, limit: 200 })).length
    const before = await count()
    await sleep(2500)
    assert.ok(await count() <= before + 2, 'no more fires after feeds.delete (a fire or two may be in flight)')
    await ow.rules.delete({ name: ALARM_RULE })
    await ow.triggers.delete({ name: ALARM_TRIGGER })
    await ow.actions.delete({ name: ALARM_ACTION })
  })

  step('rules.delete, triggers.delete, actions.delete; the action is gone', async () => {
    const rule = await ow.rules.delete({ name: RULE })
    assert.equal(rule.name, RULE)
    const trigger = await ow.triggers.delete({ name: TRIGGER })
    assert.equal(trigger.name, TRIGGER)
    const action = await ow.actions.delete({ name: ACTION })
    assert.equal(action.name, ACTION)
    await rejectsWith(ow.actions.get({ name: ACTION }), 404)
    const list = await ow.actions.list()
    assert.ok(!list.some(a => a.name === ACTION))
  })

  // HTTP triggers: routes through whisk.system/apimgmt's web actions, as the client sends them,
  // then the route's URL answered by the function.
  const ROUTE_ACTION = 'compat-route'
  step('routes.create maps a path with a parameter to a web action', async () => {
    await ow.actions.create({
      name: ROUTE_ACTION,
      action: {
        exec: { kind: 'nodejs:default', code: "function main(p) { return {statusCode: 200, headers: {'Content-Type': 'application/json'}, body: {id: p.id, path: p.__ow_path, method: p.__ow_method}} }" },
        annotations: [{ key: 'web-export', value: true }]
      }
    })
    const api = await ow.routes.create({ basepath: '/compat', relpath: '/items/{id}', operation: 'GET', action: ROUTE_ACTION, responsetype: 'http' })
    assert.equal(api.value.gwApiUrl, `http://127.0.0.1:${port}/api/compat`)
    const operation = api.value.apidoc.paths['/items/{id}'].get
    assert.equal(operation['x-openwhisk'].action, ROUTE_ACTION)
    assert.equal(operation['x-openwhisk'].namespace, 'guest')
    assert.ok(operation['x-openwhisk'].url.endsWith(`/api/v1/web/guest/default/${ROUTE_ACTION}.http`))
    assert.deepEqual(operation.parameters.map(p => p.name), ['id'])
    state.gwApiUrl = api.value.gwApiUrl
  })

  step('the route URL answers from the function with the path parameter', async () => {
    const response = await fetch(state.gwApiUrl + '/items/42')
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { id: '42', path: '/compat/items/42', method: 'get' })
    assert.equal((await fetch(state.gwApiUrl + '/items/42', { method: 'DELETE' })).status, 405)
  })

  step('routes.list finds the API by base path', async () => {
    const listed = await ow.routes.list({ basepath: '/compat' })
    assert.equal(listed.apis.length, 1)
    assert.equal(listed.apis[0].value.apidoc.basePath, '/compat')
    const all = await ow.routes.list()
    assert.ok(all.apis.some(api => api.value.gwApiUrl === state.gwApiUrl))
  })

  step('routes.create refuses an action that is not a web action', async () => {
    await ow.actions.create({ name: 'compat-plain', action: 'function main() { return {} }' })
    const e = await rejectsWith(ow.routes.create({ basepath: '/compat2', relpath: '/x', operation: 'GET', action: 'compat-plain' }), 502)
    assert.match(e.error.error, /is not a web action/)
  })

  step('routes.delete removes the route and its URL stops answering', async () => {
    await ow.routes.delete({ basepath: '/compat', relpath: '/items/{id}', operation: 'GET' })
    assert.equal((await fetch(state.gwApiUrl + '/items/42')).status, 404)
    assert.deepEqual((await ow.routes.list({ basepath: '/compat' })).apis, [])
  })

  // Issue 19: packages, bindings and sequences as the client creates them.
  step('packages.create, update (overwrite), get; a second create is a 409', async () => {
    const created = await ow.packages.create({ name: 'compat-pkg', package: { parameters: [{ key: 'greeting', value: 'hi' }] } })
    assert.equal(created.name, 'compat-pkg')
    assert.equal(created.version, '0.0.1')
    const e = await rejectsWith(ow.packages.create({ name: 'compat-pkg' }), 409)
    assert.equal(e.error.error, 'resource already exists')
    const updated = await ow.packages.update({ name: 'compat-pkg', package: { publish: true } })
    assert.equal(updated.version, '0.0.2')
    assert.equal(updated.publish, true)
    await ow.actions.create({ name: 'compat-pkg/greet', action: "function main(p) { return {said: p.greeting + ' ' + p.name} }" })
    const got = await ow.packages.get({ name: 'compat-pkg' })
    assert.deepEqual(got.actions.map(a => a.name), ['greet'])
  })

  step('packages.create of a binding; its parameters reach the action through it', async () => {
    await ow.packages.create({ name: 'compat-bound', package: { binding: { namespace: 'guest', name: 'compat-pkg' }, parameters: [{ key: 'name', value: 'bound' }] } })
    const result = await ow.actions.invoke({ name: 'compat-bound/greet', blocking: true, result: true })
    assert.deepEqual(result, { said: 'hi bound' })
    const e = await rejectsWith(ow.actions.create({ name: 'compat-bound/x', action: 'function main() { return {} }' }), 400)
    assert.equal(e.error.error, 'Operation not permitted on package binding.')
  })

  step('packages.delete: 409 while it holds actions, then the binding and the package go', async () => {
    const e = await rejectsWith(ow.packages.delete({ name: 'compat-pkg' }), 409)
    assert.equal(e.error.error, 'Package not empty (contains 1 entity). Set force param or delete package contents.')
    await ow.packages.delete({ name: 'compat-bound' })
    await ow.actions.delete({ name: 'compat-pkg/greet' })
    await ow.packages.delete({ name: 'compat-pkg' })
    await rejectsWith(ow.packages.get({ name: 'compat-pkg' }), 404)
  })

  step('actions.create of a sequence, invoke it, delete it', async () => {
    await ow.actions.create({ name: 'compat-inc', action: 'function main(p) { return {n: (p.n || 0) + 1} }' })
    const seq = await ow.actions.create({ name: 'compat-seq', sequence: ['/guest/compat-inc', '/_/compat-inc', '/whisk.system/utils/echo'] })
    assert.equal(seq.exec.kind, 'sequence')
    assert.deepEqual(seq.exec.components, ['/guest/compat-inc', '/guest/compat-inc', '/whisk.system/utils/echo'])
    const activation = await ow.actions.invoke({ name: 'compat-seq', params: { n: 1 }, blocking: true })
    assert.deepEqual(activation.response.result, { n: 3 })
    assert.equal(activation.logs.length, 3)
    assert.equal(annotation(activation, 'kind'), 'sequence')
    assert.equal(annotation(activation, 'topmost'), true)
    const first = await ow.activations.get({ name: activation.logs[0] })
    assert.equal(first.cause, activation.activationId)
    assert.equal(annotation(first, 'causedBy'), 'sequence')
    const e = await rejectsWith(ow.actions.create({ name: 'compat-bad-seq', sequence: ['/guest/compat-missing'] }), 400)
    assert.equal(e.error.error, 'Sequence component does not exist.')
    await ow.actions.delete({ name: 'compat-seq' })
    await ow.actions.delete({ name: 'compat-inc' })
    await rejectsWith(ow.actions.get({ name: 'compat-seq' }), 404)
  })

  step('a wrong key is refused with 401', async () => {
    const wrong = openwhisk({ apihost: `http://127.0.0.1:${port}`, api_key: apiKey.replace(/.$/, c => (c === 'x' ? 'y' : 'x')), namespace: 'guest' })
    await rejectsWith(wrong.actions.list(), 401)
  })

  for (const { name, fn } of steps) {
    const started = Date.now()
    try {
      await fn()
      passed++
      log(`ok ${passed + failed} - ${name} (${Date.now() - started} ms)`)
    } catch (e) {
      failed++
      log(`not ok ${passed + failed} - ${name}`)
      log('    ' + String(e && e.stack ? e.stack : e).split('\n').join('\n    '))
    }
  }

  // SIGTERM shuts the server down cleanly.
  server.kill('SIGTERM')
  const exit = await Promise.race([exited, sleep(15000).then(() => null)])
  if (!exit) {
    failed++
    log('not ok - funcdeskd did not exit within 15 s of SIGTERM')
    server.kill('SIGKILL')
  } else if (exit.code !== 0) {
    failed++
    log(`not ok - funcdeskd exited with code ${exit.code}, signal ${exit.signal} after SIGTERM`)
  } else {
    passed++
    log('ok - funcdeskd exits 0 on SIGTERM')
  }
  if (failed) dumpServerStderr()
  log(`compat: ${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

main().then(code => { cleanUp(); process.exit(code) }, e => {
  console.error('compat: ' + (e && e.stack ? e.stack : e))
  dumpServerStderr()
  cleanUp()
  process.exit(1)
})
