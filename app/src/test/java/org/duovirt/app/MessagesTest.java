package org.duovirt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @AfterEach
    void reset() {
        System.clearProperty("duovirt.lang");
        Messages.use(Locale.ENGLISH);
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/duovirt/resources/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndSpanishHaveTheSameKeys() throws Exception {
        assertThat(load("messages_es.properties").keySet()).isEqualTo(load("messages.properties").keySet());
    }

    @Test
    void spanishIsChosenWithTheSwitchAndPatternsFormat() {
        System.setProperty("duovirt.lang", "es");
        Messages.use(Messages.chosenLocale());
        assertThat(Messages.get("action.shutdown")).isEqualTo("Apagar");
        assertThat(Messages.get("status.hosts", 2, 1, 0, 1)).isEqualTo("2 servidores: 1 conectados, 0 conectando, 1 desconectados");
        Messages.use(Locale.ENGLISH);
        assertThat(Messages.get("status.hosts", 1, 1, 0, 0)).isEqualTo("1 host: 1 connected, 0 connecting, 0 disconnected");
        assertThat(Messages.get("delete.header", "it's", "h")).isEqualTo("Delete it's from h?");
    }
}
