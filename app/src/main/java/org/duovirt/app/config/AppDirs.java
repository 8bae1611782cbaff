package org.duovirt.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where Duovirt keeps its files, after the XDG base directory spec. Injectable so tests use a temp dir.
 *
 * @param config $XDG_CONFIG_HOME/duovirt (connections.json, ui.json)
 * @param state  $XDG_STATE_HOME/duovirt (duovirt.log)
 */
public record AppDirs(Path config, Path state) {

    /** From the environment, with -Dduovirt.config.dir / -Dduovirt.state.dir overrides. */
    public static AppDirs fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"),
                System.getProperty("duovirt.config.dir"), System.getProperty("duovirt.state.dir"));
    }

    static AppDirs from(Map<String, String> env, String home, String configOverride, String stateOverride) {
        Path config = configOverride != null ? Path.of(configOverride)
                : base(env.get("XDG_CONFIG_HOME"), home, ".config").resolve("duovirt");
        Path state = stateOverride != null ? Path.of(stateOverride)
                : base(env.get("XDG_STATE_HOME"), home, ".local/state").resolve("duovirt");
        return new AppDirs(config, state);
    }

    /** The spec says a relative or empty value is ignored. */
    private static Path base(String value, String home, String fallback) {
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(home).resolve(fallback);
    }

    /**
     * Makes what earlier versions left 0755/0644 private: both directories 0700 and the files directly
     * in them 0600. Missing directories are left for the first write to create.
     */
    public void secure() {
        for (Path dir : List.of(config, state)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var files = Files.list(dir)) {
                PrivateFiles.directory(dir);
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    PrivateFiles.restrict(f);
                }
            } catch (IOException e) {
                java.util.logging.Logger.getLogger(AppDirs.class.getName()).warning("Could not make " + dir + " private: " + e);
            }
        }
    }
}
