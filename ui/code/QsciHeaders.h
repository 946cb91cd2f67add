#pragma once

// QScintilla's headers use the bare `signals` / `slots` keywords, which QT_NO_KEYWORDS turns
// off: map them to the macros while those headers are read. Include QScintilla through here.
#ifndef signals
#define FUNCDESK_QSCI_SIGNALS
#define signals Q_SIGNALS
#endif
#ifndef slots
#define FUNCDESK_QSCI_SLOTS
#define slots Q_SLOTS
#endif

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#ifdef FUNCDESK_QSCI_SIGNALS
#undef signals
#undef FUNCDESK_QSCI_SIGNALS
#endif
#ifdef FUNCDESK_QSCI_SLOTS
#undef slots
#undef FUNCDESK_QSCI_SLOTS
#endif
