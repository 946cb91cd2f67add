#pragma once

#include "ui/views/ViewApis.h"

#include <QObject>

namespace funcdesk {

// The module's side of CodeEditor (ui/code/CodeEditor.h): the QScintilla view and its two bars,
// built as hidden-bar children of `editor`, and every call that touches QScintilla. A child of
// `editor`, so it goes with it; its callbacks are connected with itself as the context.
class CodeView : public QObject, public CodeViewApi
{
    Q_OBJECT

public:
    explicit CodeView(QWidget *editor);

    QWidget *textWidget() override;
    QWidget *findBarWidget() override;
    QWidget *goToLineBarWidget() override;
    CodeTextEdit *textEdit() override { return m_edit; }
    CodeFindBar *findBar() override { return m_findBar; }
    CodeGoToLineBar *goToLineBar() override { return m_goToLineBar; }

    void setKind(const QString &kind) override;
    QString kind() const override;
    QString text() const override;
    void replaceText(const QString &text) override;
    void loadText(const QString &text) override;
    void setReadOnly(bool readOnly) override;
    bool isReadOnly() const override;
    void showProblem(int line, const QString &message) override;
    void clearProblem() override;

    void openFind() override;
    void openReplace() override;
    void openGoToLine() override;
    bool goToLine(int line) override;
    bool findAgain(bool forward) override;
    void hideBars() override;
    void setCallbacks(std::function<void()> textChanged, std::function<void()> closeBars) override;

private:
    CodeTextEdit *m_edit;
    CodeFindBar *m_findBar;
    CodeGoToLineBar *m_goToLineBar;
};

} // namespace funcdesk
