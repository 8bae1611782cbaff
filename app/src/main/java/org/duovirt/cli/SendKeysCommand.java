package org.duovirt.cli;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.rfb.Key;
import org.duovirt.core.rfb.KeyTyper;
import org.duovirt.core.rfb.RfbClient;
import org.duovirt.core.spi.GraphicsChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send-keys", description = "Type text or press key combinations on the VM's graphical console.")
final class SendKeysCommand extends HostSubcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--text", paramLabel = "TEXT", description = "Text to type (US layout; \\n is Enter).")
    String text;

    @Option(names = "--key", paramLabel = "COMBO", description = "A key combination, e.g. ctrl+alt+delete, "
            + "ctrl+alt+f2, printscreen. Repeatable.")
    List<String> combos = new ArrayList<>();

    @Override
    void run() throws Exception {
        List<Key[]> chords = new ArrayList<>();
        for (String combo : combos) {
            chords.add(parse(combo));
        }
        try (GraphicsChannel channel = host().openGraphics(name)) {
            String password = channel.endpoint().password();
            RfbClient client = RfbClient.connect(channel.fromServer(), channel.toServer(),
                    password == null ? null : password::toCharArray, null);
            client.setContinuous(false);
            client.readMessage(); // the first update tells whether QEMU takes keys by scancode
            KeyTyper typer = new KeyTyper(client);
            for (Key[] chord : chords) {
                typer.chord(chord);
            }
            if (text != null) {
                typer.type(text.replace("\\n", "\n"));
            }
            Thread.sleep(typer.drainMillis());
            client.close();
        }
    }

    static Key[] parse(String combo) {
        String[] parts = combo.split("\\+");
        Key[] keys = new Key[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            keys[i] = switch (p.toLowerCase(java.util.Locale.ROOT)) {
                case "ctrl" -> Key.CONTROL;
                case "del" -> Key.DELETE;
                case "backspace" -> Key.BACK_SPACE;
                case "esc" -> Key.ESCAPE;
                case "super", "win", "meta" -> Key.WINDOWS;
                case "print", "prtsc" -> Key.PRINTSCREEN;
                default -> Key.named(p);
            };
            if (keys[i] == null) {
                throw new DuovirtException("'" + p + "' in '" + combo + "' is not a key name.",
                        "Use names such as ctrl, alt, shift, delete, backspace, f1…f12, printscreen, a…z.");
            }
        }
        return keys;
    }
}
