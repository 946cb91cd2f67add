// Built with ui/'s compile settings by layers_ui_has_no_qtnetwork, which expects the compiler to
// reject the include below: ui/ never touches HTTP, so the build gives it no QtNetwork.
#include <QNetworkReply>

int uiProbeIncludesQtNetwork()
{
    return 0;
}
