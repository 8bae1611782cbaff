package org.duovirt.core.model;

import java.util.Locale;

/**
 * A new storage pool as virt-manager's "Add a New Storage Pool" asks for it. {@link PoolSpecValidator} says what
 * is wrong with one before any host sees it; the backend writes its definition with the XML writer.
 *
 * @param target     the directory volumes appear in (logical: may be null, libvirt then uses /dev/VG)
 * @param source     fs: the block device; logical: the volume group's name; netfs: the export path; dir: null
 * @param sourceHost netfs: the NFS server's host name or address; null for the other types
 * @param build      make the target first (dir: mkdir; fs: mkfs is never asked for, only the directory)
 * @param start      start the pool once defined
 * @param autostart  start the pool with the host
 */
public record PoolSpec(String name, Type type, String target, String source, String sourceHost,
                       boolean build, boolean start, boolean autostart) {
    /** The pool types Duovirt can define; each names libvirt's word for it. */
    public enum Type {
        DIR("dir"), FS("fs"), LOGICAL("logical"), NETFS("netfs");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** dir, fs, logical or netfs, in any case. */
        public static Type parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Type type : values()) {
                if (type.word.equals(t)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("The pool type '" + DeviceInputs.printable(text)
                    + "' is not one of dir, fs, logical, netfs.");
        }
    }

    /** A directory pool at {@code target}, built, started and autostarted like virt-manager's default. */
    public static PoolSpec dir(String name, String target) {
        return new PoolSpec(name, Type.DIR, target, null, null, true, true, true);
    }
}
