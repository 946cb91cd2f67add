# `./dev package` (cpack -G DEB): two Debian packages from the install components
# (cmake/FuncdeskInstall.cmake), version from project(), Depends from dpkg-shlibdeps plus what the
# programs start or load at run time. packaging/README.md explains every choice and each lintian
# warning left.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME funcdesk)
set(CPACK_PACKAGE_VENDOR "The Funcdesk authors")
set(CPACK_PACKAGE_CONTACT "The Funcdesk authors <funcdesk@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # no debug paths of the build machine in the installed binaries
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server console)

set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # the Debian revision; packaging/debian/changelog names it
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/funcdesk/funcdesk)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(funcdesk_deb_version "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")

# funcdeskd: the platform server, and the run-time files both programs share (share/funcdesk).
# Depends beyond the libraries: the two runtimes every install has (node, python3), bubblewrap
# (each function's sandbox), Qt's SQLite driver (a plugin, so dpkg-shlibdeps cannot see it),
# adduser and init-system-helpers (deb-systemd-helper) for the maintainer scripts. Recommends:
# the optional runtimes.
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME funcdeskd)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_DESCRIPTION "single-node OpenWhisk-compatible function platform
funcdeskd runs serverless functions (Node.js, Python) on one machine behind
the Apache OpenWhisk REST API: actions, triggers, rules, web actions,
activations and metrics, each function in its own sandboxed process under
enforced memory, CPU and time limits.

The package installs a systemd service that listens on 127.0.0.1:3233 as
the funcdeskd user, with its data in /var/lib/funcdeskd.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS
    "nodejs, python3, bubblewrap, libqt6sql6-sqlite, adduser, init-system-helpers (>= 1.54~)")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "php-cli, ruby, golang-go")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/funcdeskd/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/funcdeskd/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/funcdeskd/postrm)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# funcdesk: the console. It reads the launchers, templates and translations funcdeskd installs.
# Qt's xcb platform plugin and Qt's own translations are loaded at run time, not linked.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME funcdesk)
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION "desktop console for serverless functions
Funcdesk manages functions on Apache OpenWhisk and on its own single-node
platform, funcdeskd: create functions, set their memory, CPU, timeout and
concurrency, edit, test and deploy code, wire HTTP, timer and object-upload
triggers, and watch invocations, metrics and cost. Functions also run
offline on a built-in local executor with the platform's limits.")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "funcdeskd (= ${funcdesk_deb_version}), qt6-qpa-plugins")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "qt6-translations-l10n")

include(CPack)
