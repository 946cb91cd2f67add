// CodeEditor: lexers by kind, the dirty state, the line-number margin, and find/replace and go
// to line driven with the keyboard.

#include "ui/code/CodeEditor.h"
#include "ui/code/CodeFindBar.h"
#include "ui/code/CodeGoToLineBar.h"
#include "ui/code/CodeTextEdit.h"

#include "support/TestPalettes.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QToolButton>

using namespace funcdesk;
using namespace funcdesk::test;

class TestCodeEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CodeEditor> editor;

    void showEditor()
    {
        editor->resize(800, 500);
        editor->show();
        QApplication::setActiveWindow(editor.get());
        QVERIFY(QTest::qWaitForWindowActive(editor.get()));
        editor->textEdit()->setFocus();
        QTRY_VERIFY(editor->textEdit()->hasFocus());
    }

    QString selection() const { return editor->textEdit()->selectedText(); }
    std::pair<int, int> cursor() const
    {
        int line = 0;
        int index = 0;
        editor->textEdit()->getCursorPosition(&line, &index);
        return {line, index};
    }

private Q_SLOTS:
    void init() { editor = std::make_unique<CodeEditor>(); }
    void cleanup() { editor.reset(); }

    void lexerFollowsTheKind()
    {
        editor->setKind(QStringLiteral("nodejs:20"));
        QCOMPARE(editor->textEdit()->language(), QStringLiteral("javascript"));
        editor->setKind(QStringLiteral("python:3.11"));
        QCOMPARE(editor->textEdit()->language(), QStringLiteral("python"));
        editor->setKind(QStringLiteral("java:8"));
        QCOMPARE(editor->textEdit()->language(), QString());
        QCOMPARE(editor->kind(), QStringLiteral("java:8"));
    }

    void braceMatchingAndAutoIndentAreOn()
    {
        QCOMPARE(editor->textEdit()->braceMatching(), QsciScintilla::SloppyBraceMatch);
        QVERIFY(editor->textEdit()->autoIndent());
        showEditor();
        editor->setKind(QStringLiteral("python:3.11"));
        QTest::keyClicks(editor->textEdit(), QStringLiteral("    x = 1"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("y"));
        QCOMPARE(editor->text(), QStringLiteral("    x = 1\n    y"));
    }

    void typingAwayFromTheDeployedCodeMakesItDirty()
    {
        editor->setDeployedCode(QStringLiteral("abc"));
        editor->loadText(QStringLiteral("abc"));
        QVERIFY(!editor->isDirty());
        QSignalSpy dirty(editor.get(), &CodeEditor::dirtyChanged);
        showEditor();
        QTest::keyClick(editor->textEdit(), Qt::Key_End);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("d"));
        QVERIFY(editor->isDirty());
        QCOMPARE(dirty.size(), 1);
        QCOMPARE(dirty.last().first().toBool(), true);
        QTest::keyClick(editor->textEdit(), Qt::Key_Backspace);
        QVERIFY(!editor->isDirty());
        QCOMPARE(dirty.size(), 2);
        QCOMPARE(dirty.last().first().toBool(), false);
        editor->setDeployedCode(QStringLiteral("other"));
        QVERIFY(editor->isDirty());
    }

    void loadTextForgetsUndoButSetTextCanBeUndone()
    {
        showEditor();
        editor->loadText(QStringLiteral("first"));
        editor->loadText(QStringLiteral("second"));
        QVERIFY(!editor->textEdit()->isUndoAvailable());
        editor->setText(QStringLiteral("third"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->text(), QStringLiteral("second"));
    }

    void lineNumberMarginGrowsWithTheLineCount()
    {
        editor->loadText(QStringLiteral("a\nb\nc\n"));
        const int small = editor->textEdit()->lineNumberMarginWidth();
        QVERIFY(small > 0);
        editor->loadText(QStringLiteral("x\n").repeated(12000));
        QVERIFY(editor->textEdit()->lineNumberMarginWidth() > small);
        editor->loadText(QStringLiteral("a"));
        QCOMPARE(editor->textEdit()->lineNumberMarginWidth(), small);
    }

    void findWithTheKeyboard()
    {
        editor->loadText(QStringLiteral("alpha beta alpha\nAlpha gamma\n"));
        showEditor();
        QTest::keyClick(editor->textEdit(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(editor->findBar()->isVisible());
        QVERIFY(!editor->findBar()->replaceVisible());
        auto *field = editor->findBar()->findChild<QLineEdit *>(QStringLiteral("findField"));
        QVERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("alpha"));
        QCOMPARE(selection(), QStringLiteral("alpha"));
        QCOMPARE(cursor(), std::make_pair(0, 5));
        QTest::keyClick(field, Qt::Key_F3); // next
        QCOMPARE(cursor(), std::make_pair(0, 16));
        QTest::keyClick(field, Qt::Key_Return); // next, case-insensitive: "Alpha"
        QCOMPARE(selection(), QStringLiteral("Alpha"));
        QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier); // previous
        QCOMPARE(cursor().first, 0);
        QCOMPARE(selection(), QStringLiteral("alpha"));
        // Match case: "Alpha" is no longer found from the second line's "alpha"s.
        QTest::keyClick(field, Qt::Key_C, Qt::AltModifier);
        QVERIFY(editor->findBar()->findChild<QToolButton *>(QStringLiteral("findCaseButton"))->isChecked());
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("Alpha"));
        QCOMPARE(cursor(), std::make_pair(1, 5));
        QTest::keyClick(field, Qt::Key_F3); // wraps to itself: the only one
        QCOMPARE(cursor(), std::make_pair(1, 5));
        // Nothing found: said in the bar.
        QTest::keyClicks(field, QStringLiteral("zzz"));
        QCOMPARE(editor->findBar()->statusText(), QStringLiteral("No match"));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!editor->findBar()->isVisible());
        QTRY_VERIFY(editor->textEdit()->hasFocus());
    }

    void findSeedsFromTheSelectionAndF3FromTheEditor()
    {
        editor->loadText(QStringLiteral("one two one two\n"));
        showEditor();
        editor->textEdit()->setSelection(0, 4, 0, 7); // "two"
        QTest::keyClick(editor->textEdit(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(editor->findBar()->findText(), QStringLiteral("two"));
        editor->textEdit()->setFocus();
        QTest::keyClick(editor->textEdit(), Qt::Key_F3);
        QCOMPARE(cursor(), std::make_pair(0, 15));
    }

    void wholeWordsSkipsPartsOfWords()
    {
        editor->loadText(QStringLiteral("concat cat scatter cat\n"));
        showEditor();
        QTest::keyClick(editor->textEdit(), Qt::Key_F, Qt::ControlModifier);
        auto *field = editor->findBar()->findChild<QLineEdit *>(QStringLiteral("findField"));
        QTest::keyClick(field, Qt::Key_W, Qt::AltModifier);
        QTest::keyClicks(field, QStringLiteral("cat"));
        QCOMPARE(cursor(), std::make_pair(0, 10));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(cursor(), std::make_pair(0, 22));
    }

    void replaceAndReplaceAllWithTheKeyboard()
    {
        editor->loadText(QStringLiteral("foo bar foo\nfoo\n"));
        showEditor();
        QTest::keyClick(editor->textEdit(), Qt::Key_H, Qt::ControlModifier);
        QVERIFY(editor->findBar()->replaceVisible());
        auto *field = editor->findBar()->findChild<QLineEdit *>(QStringLiteral("findField"));
        auto *replacement = editor->findBar()->findChild<QLineEdit *>(QStringLiteral("replaceField"));
        QTest::keyClicks(field, QStringLiteral("foo"));
        QTest::keyClick(field, Qt::Key_Tab);
        QTRY_VERIFY(replacement->hasFocus() || QApplication::focusWidget() != field);
        replacement->setFocus();
        QTest::keyClicks(replacement, QStringLiteral("foofoo"));
        QTest::keyClick(replacement, Qt::Key_Return); // replaces the first "foo", selects the next
        QCOMPARE(editor->text(), QStringLiteral("foofoo bar foo\nfoo\n"));
        QCOMPARE(cursor(), std::make_pair(0, 14));
        QTest::mouseClick(editor->findBar()->findChild<QPushButton *>(QStringLiteral("replaceAllButton")),
                          Qt::LeftButton);
        QCOMPARE(editor->text(), QStringLiteral("foofoofoofoo bar foofoo\nfoofoo\n"));
        QCOMPARE(editor->findBar()->statusText(), QStringLiteral("Replaced 4"));
        // Replace All is one undo step.
        editor->textEdit()->setFocus();
        QTest::keyClick(editor->textEdit(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->text(), QStringLiteral("foofoo bar foo\nfoo\n"));
        // Nothing to replace: said in the bar.
        field->setText(QStringLiteral("absent"));
        QCOMPARE(editor->findBar()->replaceAll(), 0);
        QCOMPARE(editor->findBar()->statusText(), QStringLiteral("No match"));
    }

    void goToLineWithTheKeyboard()
    {
        QStringList lines;
        for (int i = 1; i <= 30; ++i)
            lines << QStringLiteral("line %1").arg(i);
        editor->loadText(lines.join(QLatin1Char('\n')));
        showEditor();
        QTest::keyClick(editor->textEdit(), Qt::Key_G, Qt::ControlModifier);
        QVERIFY(editor->goToLineBar()->isVisible());
        auto *field = editor->goToLineBar()->findChild<QLineEdit *>(QStringLiteral("goToLineField"));
        QVERIFY(field->hasFocus());
        QCOMPARE(field->text(), QStringLiteral("1")); // where the cursor is, selected
        QTest::keyClicks(field, QStringLiteral("17"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(cursor(), std::make_pair(16, 0));
        QVERIFY(!editor->goToLineBar()->isVisible());
        QTRY_VERIFY(editor->textEdit()->hasFocus());

        // Out of range: the bar stays and says what is allowed; letters cannot be typed.
        QTest::keyClick(editor->textEdit(), Qt::Key_G, Qt::ControlModifier);
        QTest::keyClicks(field, QStringLiteral("99x"));
        QCOMPARE(field->text(), QStringLiteral("99"));
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(editor->goToLineBar()->isVisible());
        QCOMPARE(editor->goToLineBar()->statusText(), QStringLiteral("There is no line 99: enter 1 to 30."));
        QCOMPARE(cursor(), std::make_pair(16, 0));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!editor->goToLineBar()->isVisible());
    }

    void colorsComeFromThePaletteAndStayReadable()
    {
        editor->setKind(QStringLiteral("nodejs:20"));
        for (const QPalette &palette : {QApplication::style()->standardPalette(), darkPalette()}) {
            editor->setPalette(palette);
            QsciLexer *lexer = editor->textEdit()->lexer();
            const QColor base = palette.color(QPalette::Base);
            QCOMPARE(lexer->paper(QsciLexerJavaScript::Default), base);
            QCOMPARE(lexer->color(QsciLexerJavaScript::Default), palette.color(QPalette::Text));
            for (int style : {int(QsciLexerJavaScript::Keyword), int(QsciLexerJavaScript::Comment),
                              int(QsciLexerJavaScript::DoubleQuotedString), int(QsciLexerJavaScript::Number),
                              int(QsciLexerJavaScript::Regex)}) {
                QVERIFY2(
                    contrast(lexer->color(style), base) >= 4.5,
                    qPrintable(
                        QStringLiteral("style %1: %2 on %3").arg(style).arg(lexer->color(style).name(), base.name())));
            }
        }
        editor->setKind(QStringLiteral("python:3.11"));
        QCOMPARE(editor->textEdit()->lexer()->paper(QsciLexerPython::Default), darkPalette().color(QPalette::Base));
    }
};

QTEST_MAIN(TestCodeEditor)
#include "TestCodeEditor.moc"
