# The application icon: resources/icons/io.github.funcdesk.Funcdesk.svg, rendered to PNG at build
# time with rsvg-convert (librsvg2-bin): the hicolor sizes are installed with the console, and
# 16-256 are compiled into `target` as :/funcdesk/icons/<size>/io.github.funcdesk.Funcdesk.png for
# the window icon. The PNGs are not committed: the SVG is the one source.
find_program(FUNCDESK_RSVG_CONVERT rsvg-convert)
if(NOT FUNCDESK_RSVG_CONVERT)
    message(FATAL_ERROR "rsvg-convert not found: it renders the application icon (apt-get install librsvg2-bin)")
endif()

function(funcdesk_add_icons target)
    include(GNUInstallDirs)
    set(icon_id io.github.funcdesk.Funcdesk)
    set(svg ${PROJECT_SOURCE_DIR}/resources/icons/${icon_id}.svg)
    set(embedded)
    set(rendered)
    foreach(size 16 22 24 32 48 64 128 256 512)
        set(png ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}/${icon_id}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}
            COMMAND ${FUNCDESK_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${svg}
            DEPENDS ${svg}
            COMMENT "Rendering the ${size} px application icon"
            VERBATIM)
        list(APPEND rendered ${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                COMPONENT console)
        if(size LESS_EQUAL 256 AND NOT size EQUAL 22 AND NOT size EQUAL 24)
            list(APPEND embedded ${png})
        endif()
    endforeach()
    # Every size is built with the program (the installed ones too, not only those compiled in).
    add_custom_target(${target}_icons ALL DEPENDS ${rendered})
    install(FILES ${svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT console)
    qt_add_resources(${target} funcdesk_icons
        PREFIX /funcdesk/icons
        BASE ${CMAKE_CURRENT_BINARY_DIR}/icons
        FILES ${embedded})
endfunction()
