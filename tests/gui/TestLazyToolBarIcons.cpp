// Issue 16, the first window: every QToolBar makes its extension button ("»") in its constructor,
// and the style decoded the button's arrow PNGs each time, for an arrow shown only when the bar
// overflows. With ui/shell/LazyToolBarIcons installed (as main.cpp does), no arrow is decoded while
// the toolbars fit; one that overflows shows the same arrow the style would have given.

#include "ui/shell/LazyToolBarIcons.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QMainWindow>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace funcdesk;

namespace {

QToolBar *addBar(QMainWindow &window, const QString &name, int actions)
{
    auto *bar = window.addToolBar(name);
    for (int i = 0; i < actions; ++i)
        bar->addAction(QStringLiteral("%1 action %2").arg(name).arg(i));
    return bar;
}

} // namespace

class TestLazyToolBarIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_styleName = QApplication::style()->name();
        installLazyToolBarIcons();
        auto *proxy = qobject_cast<QProxyStyle *>(QApplication::style());
        QVERIFY(proxy);
        QCOMPARE(proxy->baseStyle()->name(), m_styleName); // the same look
    }

    void noArrowIsDecodedWhileTheToolbarsFitAndAnOverflowingOneShowsTheStylesArrow()
    {
        QMainWindow window;
        window.resize(1200, 400);
        addBar(window, QStringLiteral("first"), 3);
        addBar(window, QStringLiteral("second"), 2);
        QToolBar *third = addBar(window, QStringLiteral("third"), 2);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50); // painted
        QCOMPARE(lazyToolBarIconsDecoded(), 0);

        // A bar too long for the window: its extension button shows, with the style's arrow.
        QToolBar *crowded = addBar(window, QStringLiteral("crowded"), 40);
        window.addToolBarBreak();
        window.resize(300, 400);
        QToolButton *arrow = nullptr;
        QTRY_VERIFY((arrow = crowded->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"))) &&
                    arrow->isVisible());
        QTRY_VERIFY(lazyToolBarIconsDecoded() >= 1);
        std::unique_ptr<QStyle> plain(QStyleFactory::create(m_styleName));
        QStyleOption option;
        option.direction = Qt::LeftToRight;
        const QImage expected =
            plain->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &option).pixmap(16, 16).toImage();
        QVERIFY(!expected.isNull());
        QCOMPARE(arrow->icon().pixmap(16, 16).toImage(), expected);
        QVERIFY(third->isVisible());
    }

private:
    QString m_styleName;
};

QTEST_MAIN(TestLazyToolBarIcons)
#include "TestLazyToolBarIcons.moc"
