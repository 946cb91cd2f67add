// LineDiff: a minimal line diff, numbered like a unified diff, honest about final newlines and
// line endings.

#include "models/code/LineDiff.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace funcdesk;

namespace {

using Kind = DiffLine::Kind;

// "=a", "-b", "+c": a compact picture of a diff for comparisons.
QStringList picture(const LineDiff &diff)
{
    QStringList out;
    for (const DiffLine &line : diff.lines()) {
        const QChar sign = line.kind == Kind::Same    ? QLatin1Char('=')
                           : line.kind == Kind::Added ? QLatin1Char('+')
                                                      : QLatin1Char('-');
        out << sign + line.text + (line.missingNewline ? QStringLiteral("\\") : QString());
    }
    return out;
}

QStringList linesOf(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

// The longest common subsequence length by dynamic programming, to check minimality.
int lcsLength(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> table(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i)
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : std::max(table[i + 1][j], table[i][j + 1]);
    return table[0][0];
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoEmptyTextsAreIdentical()
    {
        const LineDiff diff = LineDiff::compare(QString(), QString());
        QVERIFY(diff.identical());
        QVERIFY(diff.lines().isEmpty());
        QVERIFY(diff.hunks().isEmpty());
    }

    void emptyToTextAddsEveryLine()
    {
        const LineDiff diff = LineDiff::compare(QString(), QStringLiteral("a\nb\n"));
        QCOMPARE(picture(diff), linesOf({"+a", "+b"}));
        QCOMPARE(diff.addedCount(), 2);
        QCOMPARE(diff.removedCount(), 0);
        QCOMPARE(diff.lines().at(1).newLine, 2);
        QCOMPARE(diff.lines().at(1).oldLine, 0);
        const QList<DiffHunk> hunks = diff.hunks();
        QCOMPARE(hunks.size(), 1);
        QCOMPARE(hunks[0].oldStart, 0); // "@@ -0,0 +1,2 @@"
        QCOMPARE(hunks[0].oldCount, 0);
        QCOMPARE(hunks[0].newStart, 1);
        QCOMPARE(hunks[0].newCount, 2);
    }

    void textToEmptyRemovesEveryLine()
    {
        const LineDiff diff = LineDiff::compare(QStringLiteral("a\nb"), QString());
        QCOMPARE(picture(diff), linesOf({"-a", "-b\\"}));
        QCOMPARE(diff.removedCount(), 2);
    }

    void identicalTextsHaveNoHunks()
    {
        const QString text = QStringLiteral("function main() {\n  return {};\n}\n");
        const LineDiff diff = LineDiff::compare(text, text);
        QVERIFY(diff.identical());
        QCOMPARE(diff.lines().size(), 3);
        QVERIFY(diff.hunks().isEmpty());
        QCOMPARE(diff.lines().at(2).oldLine, 3);
        QCOMPARE(diff.lines().at(2).newLine, 3);
    }

    void allLinesChangedAreRemovedThenAdded()
    {
        const LineDiff diff = LineDiff::compare(QStringLiteral("a\nb\nc\n"), QStringLiteral("x\ny\n"));
        QCOMPARE(picture(diff), linesOf({"-a", "-b", "-c", "+x", "+y"}));
        const QList<DiffHunk> hunks = diff.hunks();
        QCOMPARE(hunks.size(), 1);
        QCOMPARE(hunks[0].oldStart, 1);
        QCOMPARE(hunks[0].oldCount, 3);
        QCOMPARE(hunks[0].newStart, 1);
        QCOMPARE(hunks[0].newCount, 2);
    }

    void addingTheFinalNewlineChangesTheLastLine()
    {
        const LineDiff diff = LineDiff::compare(QStringLiteral("a\nb"), QStringLiteral("a\nb\n"));
        QCOMPARE(picture(diff), linesOf({"=a", "-b\\", "+b"}));
        QVERIFY(diff.lines().at(1).missingNewline);
        QVERIFY(!diff.lines().at(2).missingNewline);
    }

    void textsWithoutFinalNewlineCompareEqual()
    {
        const LineDiff diff = LineDiff::compare(QStringLiteral("a\nb"), QStringLiteral("a\nb"));
        QVERIFY(diff.identical());
        QVERIFY(diff.lines().last().missingNewline);
    }

    void crlfAndLfEndLinesAlikeByDefault()
    {
        const LineDiff diff = LineDiff::compare(QStringLiteral("a\r\nb\r\n"), QStringLiteral("a\nb\n"));
        QVERIFY(diff.identical());
        QCOMPARE(diff.lines().at(0).text, QStringLiteral("a")); // no "\r" shown
    }

    void crlfCountsWhenLineEndingsAreCompared()
    {
        const LineDiff diff =
            LineDiff::compare(QStringLiteral("a\r\nb\n"), QStringLiteral("a\nb\n"), LineDiff::Options{false});
        QCOMPARE(picture(diff), linesOf({"-a", "+a", "=b"}));
    }

    void insertionInTheMiddleKeepsNumbering()
    {
        const LineDiff diff = LineDiff::compare(QStringLiteral("1\n2\n3\n"), QStringLiteral("1\n2\nnew\n3\n"));
        QCOMPARE(picture(diff), linesOf({"=1", "=2", "+new", "=3"}));
        QCOMPARE(diff.lines().at(3).oldLine, 3);
        QCOMPARE(diff.lines().at(3).newLine, 4);
        const QList<DiffHunk> hunks = diff.hunks(0);
        QCOMPARE(hunks.size(), 1);
        QCOMPARE(hunks[0].oldStart, 2); // "@@ -2,0 +3 @@": after old line 2
        QCOMPARE(hunks[0].oldCount, 0);
        QCOMPARE(hunks[0].newStart, 3);
        QCOMPARE(hunks[0].newCount, 1);
    }

    void distantChangesMakeSeparateHunksWithContext()
    {
        QStringList before;
        for (int i = 1; i <= 20; ++i)
            before << QString::number(i);
        QStringList after = before;
        after[1] = QStringLiteral("two");
        after[17] = QStringLiteral("eighteen");
        const LineDiff diff = LineDiff::compare(before.join(QLatin1Char('\n')) + QLatin1Char('\n'),
                                                after.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        const QList<DiffHunk> hunks = diff.hunks(3);
        QCOMPARE(hunks.size(), 2);
        QCOMPARE(hunks[0].oldStart, 1);
        QCOMPARE(hunks[0].oldCount, 5); // lines 1-5: line 2 changed, 3 after, 1 before
        QCOMPARE(hunks[1].oldStart, 15);
        QCOMPARE(hunks[1].oldCount, 6); // 15-20
        // With enough context the two merge into one.
        QCOMPARE(diff.hunks(8).size(), 1);
    }

    void resultIsMinimalAndRebuildsBothTexts_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 200; ++seed)
            QTest::addRow("seed %d", seed) << seed;
    }

    void resultIsMinimalAndRebuildsBothTexts()
    {
        QFETCH(int, seed);
        QRandomGenerator random{quint32(seed)};
        const auto randomLines = [&random] {
            QStringList lines;
            const int count = random.bounded(0, 25);
            for (int i = 0; i < count; ++i)
                lines << QString(QLatin1Char(char('a' + random.bounded(0, 4))));
            return lines;
        };
        const QStringList a = randomLines();
        const QStringList b = randomLines();
        const QString textA = a.join(QLatin1Char('\n')) + (a.isEmpty() ? QString() : QStringLiteral("\n"));
        const QString textB = b.join(QLatin1Char('\n')) + (b.isEmpty() ? QString() : QStringLiteral("\n"));
        const LineDiff diff = LineDiff::compare(textA, textB);

        QStringList rebuiltA;
        QStringList rebuiltB;
        int same = 0;
        for (const DiffLine &line : diff.lines()) {
            if (line.kind != Kind::Added)
                rebuiltA << line.text;
            if (line.kind != Kind::Removed)
                rebuiltB << line.text;
            same += line.kind == Kind::Same;
        }
        QCOMPARE(rebuiltA, a);
        QCOMPARE(rebuiltB, b);
        QCOMPARE(same, lcsLength(a, b));
    }

    void largeTextsPastTheEditLimitStillRebuild()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < LineDiff::maxEditDistance + 100; ++i) {
            a << QStringLiteral("old %1").arg(i);
            b << QStringLiteral("new %1").arg(i);
        }
        const LineDiff diff = LineDiff::compare(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')));
        QCOMPARE(diff.removedCount(), a.size());
        QCOMPARE(diff.addedCount(), b.size());
    }
};

QTEST_APPLESS_MAIN(TestLineDiff)
#include "TestLineDiff.moc"
