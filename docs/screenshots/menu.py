#!/usr/bin/python3
# Renders the application menu's "System" category the way a desktop builds it: every installed .desktop
# entry read by GIO (Gio.DesktopAppInfo, what GNOME's and Xfce's menus use), its icon looked up in the
# icon theme, name and comment as the entry says. Used by capture-install.sh for docs/screenshots/menu-entry.png.
import gi
gi.require_version("Gtk", "3.0")
from gi.repository import Gio, GLib, Gtk  # noqa: E402

window = Gtk.Window(title="Applications — System")
window.set_default_size(560, 360)
box = Gtk.ListBox()
box.set_selection_mode(Gtk.SelectionMode.SINGLE)
header = Gtk.Label()
header.set_markup("<b>Applications ▸ System</b>")
header.set_xalign(0)
header.set_margin_start(12)
header.set_margin_top(8)
header.set_margin_bottom(8)
outer = Gtk.Box(orientation=Gtk.Orientation.VERTICAL)
outer.pack_start(header, False, False, 0)
outer.pack_start(box, True, True, 0)
window.add(outer)

apps = [a for a in Gio.AppInfo.get_all()
        if isinstance(a, Gio.DesktopAppInfo) and a.should_show() and "System" in (a.get_categories() or "").split(";")]
for app in sorted(apps, key=lambda a: a.get_display_name().lower()):
    row = Gtk.Box(orientation=Gtk.Orientation.HORIZONTAL, spacing=12)
    row.set_margin_start(12)
    row.set_margin_top(6)
    row.set_margin_bottom(6)
    icon = Gtk.Image.new_from_gicon(app.get_icon(), Gtk.IconSize.DIALOG) if app.get_icon() else Gtk.Image()
    row.pack_start(icon, False, False, 0)
    text = Gtk.Label()
    text.set_xalign(0)
    text.set_markup("<b>%s</b>\n<small>%s</small>\n<small><tt>%s  ·  Exec=%s</tt></small>" % (
        GLib.markup_escape_text(app.get_display_name()), GLib.markup_escape_text(app.get_description() or ""),
        GLib.markup_escape_text(app.get_id()), GLib.markup_escape_text(app.get_commandline() or "")))
    row.pack_start(text, False, False, 0)
    box.add(row)
    if app.get_id() == "org.duovirt.Duovirt.desktop":
        box.select_row(box.get_children()[-1])

window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
