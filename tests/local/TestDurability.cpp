// An acknowledged write survives kill -9: a child process writes actions to a local platform
// and reports each acknowledgement; we kill it mid-stream and find every acknowledged one.

#include "platforms/local/LocalEngine.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace funcdesk;

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWritesSurviveKillNine()
    {
        QTemporaryDir dir;
        QStringList acknowledged;
        for (int round = 0; round < 3; ++round) { // kill at three different moments
            QProcess writer;
            writer.start(QStringLiteral(DURABILITY_WRITER), {dir.path(), QStringLiteral("r%1-").arg(round)});
            QVERIFY(writer.waitForStarted());
            const int target = 150 + round * 250;
            QByteArray pending;
            int acknowledgedThisRound = 0;
            while (acknowledgedThisRound < target) {
                QVERIFY2(writer.waitForReadyRead(20000), writer.readAllStandardError().constData());
                pending += writer.readAllStandardOutput();
                qsizetype newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const QByteArray line = pending.left(newline);
                    pending.remove(0, newline + 1);
                    if (line.startsWith("ack ")) {
                        acknowledged.append(QString::fromLatin1(line.mid(4)));
                        ++acknowledgedThisRound;
                    }
                }
            }
            ::kill(static_cast<pid_t>(writer.processId()), SIGKILL); // mid-write: it never stops by itself
            QVERIFY(writer.waitForFinished());
            // Whatever it printed before dying was acknowledged too.
            pending += writer.readAllStandardOutput();
            for (const QByteArray &line : pending.split('\n')) {
                if (line.startsWith("ack "))
                    acknowledged.append(QString::fromLatin1(line.mid(4)));
            }
        }

        LocalConfig config;
        config.dataDir = dir.path();
        config.executor.stemCellsPerRuntime = 0;
        auto engine = LocalEngine::open(config);
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        int missing = 0;
        for (const QString &name : std::as_const(acknowledged)) {
            if (!engine.value()->getAction(QStringLiteral("guest"), name).result().ok())
                ++missing;
        }
        QVERIFY2(missing == 0,
                 qPrintable(QStringLiteral("%1 of %2 acknowledged writes lost").arg(missing).arg(acknowledged.size())));
        QVERIFY(acknowledged.size() >= 150 + 400 + 650);
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "TestDurability.moc"
