#include "executor/LogCapture.h"

#include <QRegularExpression>
#include <QTest>

using namespace funcdesk;

class TestLogCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesAreTimestampedInOpenWhisksForm()
    {
        LogCapture capture(1024);
        capture.append(LogCapture::Stream::Stdout, "hello\nwor", 9);
        capture.append(LogCapture::Stream::Stderr, "oops\n", 5);
        capture.append(LogCapture::Stream::Stdout, "ld\n", 3);
        capture.finish();
        const QStringList lines = capture.takeLines();
        QCOMPARE(lines.size(), 3);
        static const QRegularExpression form(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z {4}(stdout|stderr): .*$)"));
        for (const QString &line : lines)
            QVERIFY2(form.match(line).hasMatch(), qPrintable(line));
        QVERIFY(lines[0].endsWith(QLatin1String("stdout: hello")));
        QVERIFY(lines[1].endsWith(QLatin1String("stderr: oops")));
        QVERIFY(lines[2].endsWith(QLatin1String("stdout: world")));
    }

    void unterminatedLastLineIsKept()
    {
        LogCapture capture(1024);
        capture.append(LogCapture::Stream::Stdout, "no newline", 10);
        capture.finish();
        const QStringList lines = capture.takeLines();
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines[0].endsWith(QLatin1String("stdout: no newline")));
    }

    void outputPastTheLimitIsDroppedWithOpenWhisksNotice()
    {
        LogCapture capture(200);
        const QByteArray line(49, 'x');
        for (int i = 0; i < 1000; ++i) {
            capture.append(LogCapture::Stream::Stdout, line.constData(), line.size());
            capture.append(LogCapture::Stream::Stdout, "\n", 1);
        }
        capture.finish();
        QVERIFY(capture.truncated());
        QCOMPARE(capture.bytesSeen(), 50 * 1000);
        const QStringList lines = capture.takeLines();
        QCOMPARE(lines.size(), 3); // two lines of 49 + prefix fit in 200 bytes, then the notice
        QVERIFY(lines.last().endsWith(
            QLatin1String("Logs were truncated because the total bytes size exceeds the limit of 200 bytes.")));
    }

    void aFloodOfEmptyLinesIsChargedForEachLinesPrefix()
    {
        LogCapture capture(1000);
        const QByteArray newlines(100000, '\n');
        capture.append(LogCapture::Stream::Stdout, newlines.constData(), newlines.size());
        capture.finish();
        QVERIFY(capture.truncated());
        QVERIFY(capture.takeLines().size() <= 1000 / LogCapture::kLinePrefixBytes + 1);
    }

    void aHugeLineWithoutNewlineCannotGrowMemoryPastTheLimit()
    {
        LogCapture capture(1000);
        const QByteArray chunk(4096, 'y');
        for (int i = 0; i < 100; ++i)
            capture.append(LogCapture::Stream::Stderr, chunk.constData(), chunk.size());
        capture.finish();
        QVERIFY(capture.truncated());
        QCOMPARE(capture.takeLines().size(), 1);
    }

    void zeroLimitKeepsNothing()
    {
        LogCapture capture(0);
        capture.append(LogCapture::Stream::Stdout, "a\n", 2);
        capture.finish();
        QVERIFY(capture.truncated());
        QCOMPARE(capture.takeLines().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLogCapture)
#include "TestLogCapture.moc"
