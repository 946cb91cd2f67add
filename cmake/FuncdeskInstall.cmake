# What `cmake --install` lays out (GNUInstallDirs; docs/packaging.md lists the tree), in two
# components, one per Debian package (cmake/FuncdeskPackaging.cmake):
#   server  → funcdeskd: bin/funcdeskd, share/funcdesk/ (the launchers, templates, system catalog,
#             examples and translations both programs read at run time), funcdeskd.1, the
#             systemd units, maintainer scripts' key and user handling
#   console → funcdesk:  bin/funcdesk, the desktop entry, AppStream metainfo, icons, funcdesk.1
# The programs find share/funcdesk relative to their own folder (core/InstallPaths.cpp), so the
# tree works wherever it is unpacked. The icons' rules are in cmake/FuncdeskIcons.cmake.
include(GNUInstallDirs)

set(FUNCDESK_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/funcdesk)

install(TARGETS funcdeskd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(TARGETS funcdesk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT console)
# The console's charts and code editor, loaded after its first window (ui/views/ViewApis.h).
install(TARGETS funcdesk_views LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/funcdesk/modules COMPONENT console)

# Whole folders, so a new launcher (resources/runtimes/<kind>), template or example comes along.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/runtimes ${PROJECT_SOURCE_DIR}/resources/templates
                  ${PROJECT_SOURCE_DIR}/resources/catalog ${PROJECT_SOURCE_DIR}/resources/examples
        DESTINATION ${FUNCDESK_INSTALL_DATADIR} COMPONENT server
        # the native action's example `exec` and the blackbox template are executables (mode 755
        # in git); everything else is data
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        PATTERN "exec" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE
        PATTERN "*.sh" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Every translation's .qm, as qt_add_translations builds it next to translations/CMakeLists.txt.
file(GLOB funcdesk_ts_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/translations/*.ts)
foreach(ts IN LISTS funcdesk_ts_files)
    get_filename_component(ts_name ${ts} NAME_WE)
    install(FILES ${PROJECT_BINARY_DIR}/translations/${ts_name}.qm
            DESTINATION ${FUNCDESK_INSTALL_DATADIR}/translations COMPONENT server)
endforeach()

# Desktop integration.
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/io.github.funcdesk.Funcdesk.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/io.github.funcdesk.Funcdesk.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT console)

# Man pages and the Debian changelog, compressed as Debian wants them (gzip -9n: no name or
# time stamp, so the packages are reproducible).
set(funcdesk_gzipped)
foreach(source man/funcdesk.1 man/funcdeskd.1 debian/changelog)
    get_filename_component(name ${source} NAME)
    set(output ${PROJECT_BINARY_DIR}/packaging/${name}.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
        COMMAND sh -c "gzip -9n -c \"$1\" > \"$2\"" gzip ${PROJECT_SOURCE_DIR}/packaging/${source} ${output}
        DEPENDS ${PROJECT_SOURCE_DIR}/packaging/${source}
        VERBATIM)
    list(APPEND funcdesk_gzipped ${output})
endforeach()
add_custom_target(funcdesk_packaging_files ALL DEPENDS ${funcdesk_gzipped})
install(FILES ${PROJECT_BINARY_DIR}/packaging/funcdeskd.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT server)
install(FILES ${PROJECT_BINARY_DIR}/packaging/funcdesk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT console)
foreach(pair server:funcdeskd console:funcdesk)
    string(REPLACE ":" ";" pair ${pair})
    list(GET pair 0 component)
    list(GET pair 1 package)
    install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz RENAME changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
endforeach()

# The systemd units, written at install time so ExecStart names the prefix they are installed
# under (/usr for the packages). Under PREFIX/lib/systemd: systemd reads /usr/lib/systemd/*.
foreach(unit funcdeskd funcdeskd-user)
    install(CODE "
        set(BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
        configure_file(\"${PROJECT_SOURCE_DIR}/packaging/systemd/${unit}.service.in\"
                       \"${PROJECT_BINARY_DIR}/packaging/systemd/${unit}.service\" @ONLY)"
            COMPONENT server)
endforeach()
install(FILES ${PROJECT_BINARY_DIR}/packaging/systemd/funcdeskd.service
        DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${PROJECT_BINARY_DIR}/packaging/systemd/funcdeskd-user.service RENAME funcdeskd.service
        DESTINATION lib/systemd/user COMPONENT server)
