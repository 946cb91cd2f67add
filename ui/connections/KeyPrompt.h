#pragma once

#include "models/connections/ConnectionProfile.h"

#include <QWidget>

class QPushButton;

namespace funcdesk {

class ConnectionStore;
class InlineMessage;

// The bar above the console's views while the current remote connection has no key — typically
// because no keychain service kept it over a restart: says so (instead of the server's "invalid
// authentication" in every list) and offers "Enter Key…", which asks for the key and hands it to
// the store (kept in memory for the session when there is no keychain; never written in plain
// text). Hidden while the connection has its key.
class KeyPrompt : public QWidget
{
    Q_OBJECT

public:
    explicit KeyPrompt(ConnectionStore *store, QWidget *parent = nullptr);

    // `problem`: why `profile` has no key; empty hides the bar.
    void setProblem(const ConnectionProfile &profile, const QString &problem);

private:
    void enterKey();

    ConnectionStore *m_store;
    ConnectionProfile m_profile;
    InlineMessage *m_message;
    QPushButton *m_enter;
};

} // namespace funcdesk
