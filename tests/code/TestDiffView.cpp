// DiffView: both sides named, changed lines aligned side by side or signed in the unified view,
// long unchanged runs folded, tints readable in light and dark palettes.

#include "ui/code/DiffView.h"

#include "support/TestPalettes.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

QStringList rows(const QString &text)
{
    return text.split(QChar::ParagraphSeparator).join(QLatin1Char('\n')).split(QLatin1Char('\n'));
}

QString numbered(int count, int changed)
{
    QString text;
    for (int i = 1; i <= count; ++i)
        text += (i == changed ? QStringLiteral("changed") : QStringLiteral("line %1").arg(i)) + QLatin1Char('\n');
    return text;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerNamesBothSidesAndCounts()
    {
        DiffView view;
        view.setTexts(QStringLiteral("Version 0.0.1"), QStringLiteral("a\nb\n"), QStringLiteral("Editor"),
                      QStringLiteral("a\nc\nd\n"));
        QCOMPARE(view.leftTitle(), QStringLiteral("− Version 0.0.1"));
        QCOMPARE(view.rightTitle(), QStringLiteral("+ Editor"));
        QCOMPARE(view.summary(), QStringLiteral("2 added, 1 removed"));
    }

    void sideBySideAlignsAReplacementRowByRow()
    {
        DiffView view;
        view.setTexts(QStringLiteral("old"), QStringLiteral("a\nb\nc\n"), QStringLiteral("new"),
                      QStringLiteral("a\nB\nB2\nc\n"));
        const QStringList left = rows(view.sideText(true));
        const QStringList right = rows(view.sideText(false));
        QCOMPARE(left.size(), right.size());
        QCOMPARE(left, QStringList({QStringLiteral("1  a"), QStringLiteral("2  b"), QStringLiteral("   "),
                                    QStringLiteral("3  c")}));
        QCOMPARE(right, QStringList({QStringLiteral("1  a"), QStringLiteral("2  B"), QStringLiteral("3  B2"),
                                     QStringLiteral("4  c")}));
    }

    void unifiedViewSignsEachLine()
    {
        DiffView view;
        view.setMode(DiffView::Mode::Unified);
        view.setTexts(QStringLiteral("old"), QStringLiteral("a\nb\n"), QStringLiteral("new"), QStringLiteral("a\nc"));
        QCOMPARE(rows(view.unifiedText()), QStringList({QStringLiteral("1 1   a"), QStringLiteral("2   − b"),
                                                        QStringLiteral("  2 + c  (no newline at end)")}));
    }

    void longUnchangedRunsAreFolded()
    {
        DiffView view;
        view.setTexts(QStringLiteral("old"), numbered(30, 0), QStringLiteral("new"), numbered(30, 15));
        const QStringList unified = rows(view.unifiedText());
        QCOMPARE(unified.first(), QStringLiteral("⋯ 11 unchanged line(s)"));
        QCOMPARE(unified.last(), QStringLiteral("⋯ 12 unchanged line(s)"));
        QCOMPARE(unified.size(), 1 + 3 + 2 + 3 + 1);
        QCOMPARE(rows(view.sideText(true)).size(), rows(view.sideText(false)).size());
    }

    void identicalTextsSaySo()
    {
        DiffView view;
        view.setTexts(QStringLiteral("old"), QStringLiteral("same\n"), QStringLiteral("new"), QStringLiteral("same\n"));
        QCOMPARE(view.summary(), QStringLiteral("No differences."));
        view.setTexts(QStringLiteral("old"), QStringLiteral("same\r\n"), QStringLiteral("new"),
                      QStringLiteral("same\n"));
        QCOMPARE(view.summary(), QStringLiteral("No differences except line endings (CRLF and LF)."));
    }

    void modeButtonsSwitchTheView()
    {
        DiffView view;
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *unified = view.findChild<QPlainTextEdit *>(QStringLiteral("diffUnified"));
        auto *left = view.findChild<QPlainTextEdit *>(QStringLiteral("diffLeft"));
        QVERIFY(left->isVisible());
        QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("diffUnifiedButton")), Qt::LeftButton);
        QCOMPARE(view.mode(), DiffView::Mode::Unified);
        QVERIFY(unified->isVisible());
        QVERIFY(!left->isVisible());
        QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("diffSideBySideButton")), Qt::LeftButton);
        QVERIFY(left->isVisible());
    }

    void changedLinesAreTintedReadablyInLightAndDark()
    {
        for (const QPalette &palette : {QApplication::style()->standardPalette(), darkPalette()}) {
            DiffView view;
            view.setPalette(palette);
            view.setMode(DiffView::Mode::Unified);
            view.setTexts(QStringLiteral("old"), QStringLiteral("keep\nold\n"), QStringLiteral("new"),
                          QStringLiteral("keep\nnew\n"));
            const QTextDocument *document = view.findChild<QPlainTextEdit *>(QStringLiteral("diffUnified"))->document();
            QCOMPARE(document->blockCount(), 3);
            const QColor base = palette.color(QPalette::Base);
            const QColor text = palette.color(QPalette::Text);
            const QColor removed = document->findBlockByNumber(1).blockFormat().background().color();
            const QColor added = document->findBlockByNumber(2).blockFormat().background().color();
            QCOMPARE(document->findBlockByNumber(0).blockFormat().background().style(), Qt::NoBrush);
            QVERIFY(removed != base && added != base && removed != added);
            QVERIFY2(contrast(text, removed) >= 7.0, qPrintable(removed.name()));
            QVERIFY2(contrast(text, added) >= 7.0, qPrintable(added.name()));
            // Red for removed, green for added, whatever the background.
            QVERIFY(removed.red() > removed.green());
            QVERIFY(added.green() > added.red());
        }
    }
};

QTEST_MAIN(TestDiffView)
#include "TestDiffView.moc"
