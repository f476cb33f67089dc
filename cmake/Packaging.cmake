# Installation layout and CPack packages: a .deb on Linux, an NSIS installer on Windows, a DragNDrop
# disk image on macOS. `scripts/package.sh` builds them (Release); README says what to run where.
include(GNUInstallDirs)

set(HERALD_APP_ID org.heraldmail.Herald)
set(HERALD_RESOURCES ${PROJECT_SOURCE_DIR}/resources)

if(UNIX AND NOT APPLE)
    install(FILES ${HERALD_RESOURCES}/${HERALD_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${HERALD_RESOURCES}/${HERALD_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${HERALD_RESOURCES}/icons/${HERALD_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 24 32 48 64 128 256)
        install(FILES ${HERALD_RESOURCES}/icons/hicolor/${size}x${size}/apps/${HERALD_APP_ID}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    configure_file(${HERALD_RESOURCES}/herald.1.in ${CMAKE_CURRENT_BINARY_DIR}/herald.1 @ONLY)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/herald.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# Windows and macOS: the Qt libraries and plugins travel with the program (windeployqt / macdeployqt,
# run by the script Qt generates at install time, so `cpack` picks them up).
if(WIN32 OR APPLE)
    set(HERALD_ICNS ${HERALD_RESOURCES}/icons/herald.icns)
    set_source_files_properties(${HERALD_ICNS} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    if(APPLE)
        target_sources(herald PRIVATE ${HERALD_ICNS})
    else()
        target_sources(herald PRIVATE ${HERALD_RESOURCES}/herald.rc) # the executable's icon
    endif()
    set_target_properties(herald PROPERTIES
        MACOSX_BUNDLE_ICON_FILE herald.icns
        WIN32_EXECUTABLE ON
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_BUNDLE_NAME Herald
        MACOSX_BUNDLE_GUI_IDENTIFIER ${HERALD_APP_ID}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION})
    install(TARGETS herald BUNDLE DESTINATION . RUNTIME DESTINATION bin)
    qt_generate_deploy_app_script(TARGET herald OUTPUT_SCRIPT herald_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${herald_deploy_script})
endif()

set(CPACK_PACKAGE_NAME herald)
set(CPACK_PACKAGE_VENDOR "Herald")
set(CPACK_PACKAGE_CONTACT "Herald maintainers <herald@heraldmail.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Herald lets nonprofit staff send email campaigns to nonprofit organisations: \
a table of recipients, templates with placeholders, campaigns sent from a durable queue (embedded SQLite \
or a shared PostgreSQL server) through SMTP or SendGrid, and dashboards of how sending goes. \
The herald command also runs headless workers, imports, exports and statistics.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Herald)
set(CPACK_PACKAGE_EXECUTABLES herald Herald)
set(CPACK_STRIP_FILES ON)

# Debian: Depends computed from the linked libraries (dpkg-shlibdeps); plugins Qt loads at run time
# (SQL drivers) are invisible to it and listed here. The platform, image and TLS plugins come with
# libqt6gui6 and libqt6network6, which shlibdeps finds. The spelling dictionaries are data Herald reads at run
# time (without one, spell checking for that language is off and says so), so they are recommended.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-wayland, qt6-translations-l10n, gnome-keyring | kwalletmanager, hunspell-en-us, hunspell-es, hunspell-fr")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://heraldmail.org")

# Windows: NSIS installer with a Start menu entry.
set(CPACK_NSIS_DISPLAY_NAME Herald)
set(CPACK_NSIS_PACKAGE_NAME Herald)
set(CPACK_NSIS_MUI_ICON ${HERALD_RESOURCES}/icons/herald.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME bin/herald.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)

# macOS: Herald.app on a disk image.
set(CPACK_DMG_VOLUME_NAME Herald)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()
include(CPack)
