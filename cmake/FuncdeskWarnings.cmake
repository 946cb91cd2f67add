# Compiler warnings and sanitizers, applied per target with funcdesk_target_defaults().
function(funcdesk_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual)
    if(FUNCDESK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                 QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY
                                                 QT_STRICT_ITERATORS QT_NO_KEYWORDS)
endfunction()

if(FUNCDESK_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# ThreadSanitizer (`./dev --tsan`, build-tsan/): every target of the project is instrumented; Qt and
# the other Debian libraries are not, so TSan sees their synchronisation only where it goes through
# pthread or through Qt's inline, TSan-annotated QMutex (tests/tsan.supp says what is left).
if(FUNCDESK_TSAN)
    if(FUNCDESK_SANITIZE)
        message(FATAL_ERROR "FUNCDESK_TSAN and FUNCDESK_SANITIZE cannot be combined (ThreadSanitizer excludes ASan)")
    endif()
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
endif()

# libFuzzer targets (tests/fuzz, `./dev fuzz`, clang only): everything they link is instrumented
# for coverage and checked by ASan and UBSan; an undefined behaviour is a crash, so a finding.
if(FUNCDESK_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
