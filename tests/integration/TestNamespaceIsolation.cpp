// Namespace isolation through `funcdeskd serve --namespace team` (issue 15): an action deployed by
// `team` tries every way it has to obtain `guest`'s key — the platform's auth file and database
// (their real paths given as parameters), the server's /proc/PID/cmdline, environ and mem, a
// signal to the server, a walk over /proc — and every attempt fails, nothing key-shaped comes
// back, and the server is still up afterwards. Needs the executor's sandbox (bubblewrap).

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace funcdesk;

namespace {

// Each attempt is {ok, error} plus the key-shaped strings ("uuid:key") it found, so a key deep
// inside a large file cannot hide behind a truncated result.
const QString kProbe = QStringLiteral(R"JS(
const fs = require('fs');
const keyShape = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[A-Za-z0-9]{64}/g;
function attempt(action) {
  try {
    const text = String(action());
    return {ok: true, keys: text.match(keyShape) || []};
  } catch (e) {
    return {ok: false, error: String(e.code || e.message)};
  }
}
function main(params) {
  const out = {};
  for (const [label, path] of Object.entries(params.files))
    out['read ' + label] = attempt(() => fs.readFileSync(path, 'latin1'));
  out['list data folder'] = attempt(() => fs.readdirSync(params.dataDir).join('\n'));
  const pid = params.serverPid;
  out.cmdline = attempt(() => fs.readFileSync('/proc/' + pid + '/cmdline', 'latin1'));
  out.environ = attempt(() => fs.readFileSync('/proc/' + pid + '/environ', 'latin1'));
  out.mem = attempt(() => { const fd = fs.openSync('/proc/' + pid + '/mem', 'r'); fs.closeSync(fd); return ''; });
  out.kill = attempt(() => { process.kill(pid, 'SIGKILL'); return ''; });
  // Every process this code can see, and whatever of theirs it can read.
  const pids = fs.readdirSync('/proc').filter(name => /^[0-9]+$/.test(name)).map(Number);
  out.visiblePids = pids;
  const found = [];
  for (const other of pids) {
    for (const part of ['cmdline', 'environ']) {
      try { found.push(...(fs.readFileSync('/proc/' + other + '/' + part, 'latin1').match(keyShape) || [])); }
      catch (e) {}
    }
  }
  out.keysInVisibleProcesses = found;
  return out;
}
)JS");
} // namespace

class TestNamespaceIsolation : public TeamSuite
{
    Q_OBJECT

private Q_SLOTS:
    void teamsActionCannotObtainGuestsKey()
    {
        const QString dataDir = fixture.server().dataDir();
        const QString guestKey = fixture.server().guestKey();
        QVERIFY(!guestKey.isEmpty());
        VERIFY_OK(wait(team->putAction(QStringLiteral("probe"), nodeAction(kProbe), PutOptions{})));

        const QJsonObject files{{QStringLiteral("auth"), dataDir + QStringLiteral("/auth")},
                                {QStringLiteral("database"), dataDir + QStringLiteral("/funcdesk.db")},
                                {QStringLiteral("database wal"), dataDir + QStringLiteral("/funcdesk.db-wal")},
                                {QStringLiteral("team key"), dataDir + QStringLiteral("/auth.d/team")},
                                {QStringLiteral("shadow"), QStringLiteral("/etc/shadow")}};
        const qint64 serverPid = fixture.server().processId();
        const QJsonObject params{{QStringLiteral("files"), files},
                                 {QStringLiteral("dataDir"), dataDir},
                                 {QStringLiteral("serverPid"), serverPid}};
        const auto outcome = wait(team->invokeAction(QStringLiteral("probe"), params, InvokeOptions{}));
        VERIFY_OK(outcome);
        QVERIFY(outcome->activation.has_value());
        QVERIFY2(outcome->activation->succeeded(), "the probe itself failed");
        const QJsonObject result = outcome->activation->response->result.toObject();
        const QByteArray resultText = QJsonDocument(result).toJson(QJsonDocument::Compact);

        for (const QString &attempt :
             {QStringLiteral("read auth"), QStringLiteral("read database"), QStringLiteral("read database wal"),
              QStringLiteral("read team key"), QStringLiteral("read shadow"), QStringLiteral("list data folder"),
              QStringLiteral("cmdline"), QStringLiteral("environ"), QStringLiteral("mem"), QStringLiteral("kill")}) {
            const QJsonObject outcomeOf = result.value(attempt).toObject();
            QVERIFY2(outcomeOf.contains(QLatin1StringView("ok")), qPrintable(attempt + QStringLiteral(": missing")));
            QVERIFY2(!outcomeOf.value(QLatin1StringView("ok")).toBool(),
                     qPrintable(attempt + QStringLiteral(" succeeded: ") + QString::fromUtf8(resultText)));
        }
        for (const QJsonValue pid : result.value(QLatin1StringView("visiblePids")).toArray())
            QVERIFY2(pid.toInteger() != serverPid, "the server's pid is visible from the function");
        QVERIFY2(result.value(QLatin1StringView("keysInVisibleProcesses")).toArray().isEmpty(), resultText.constData());
        QVERIFY2(!resultText.contains(guestKey.section(QLatin1Char(':'), 1).toUtf8()), "guest's key came back");

        // The server survived the attempt on it and still answers.
        QVERIFY(fixture.server().isRunning());
        VERIFY_OK(wait(team->getAction(QStringLiteral("probe"), false)));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestNamespaceIsolation)
#include "TestNamespaceIsolation.moc"
