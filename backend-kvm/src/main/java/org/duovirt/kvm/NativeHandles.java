package org.duovirt.kvm;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.duovirt.core.error.DuovirtException;
import org.libvirt.Domain;
import org.libvirt.Stream;

/**
 * Native handles of libvirt-java objects. Domain's and Stream's pointers are package-private in
 * libvirt-java 0.5.4; reflection reaches them on the class path (libvirt-java has no module descriptor).
 */
final class NativeHandles {
    private static final Field DOMAIN_POINTER = field(Domain.class, "vdp");
    private static final Method STREAM_POINTER = method(Stream.class, "getVsp");
    private static final Field NETWORK_POINTER = field(org.libvirt.Network.class, "vnp");

    private NativeHandles() {
    }

    static Pointer of(Domain domain) {
        try {
            return ((PointerType) DOMAIN_POINTER.get(domain)).getPointer();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pointer of(org.libvirt.Network network) {
        try {
            return ((PointerType) NETWORK_POINTER.get(network)).getPointer();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pointer of(Stream stream) {
        try {
            return ((PointerType) STREAM_POINTER.invoke(stream)).getPointer();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The error of a failed native call as Duovirt's error. virError's message is the third field,
     * after two ints, on every 64-bit ABI libvirt runs on.
     */
    static DuovirtException lastError(String what) {
        Pointer error = LibvirtNative.INSTANCE.virGetLastError();
        String message = "unknown libvirt error";
        int code = 0;
        if (error != null) {
            code = error.getInt(0);
            Pointer text = error.getPointer(8);
            if (text != null) {
                message = text.getString(0);
            }
        }
        org.libvirt.Error.ErrorNumber number = null;
        org.libvirt.Error.ErrorNumber[] all = org.libvirt.Error.ErrorNumber.values();
        if (code > 0 && code < all.length) {
            number = all[code];
        }
        return LibvirtErrors.failed(what, number, message, null);
    }

    /** The libvirt error code of the calling thread's last error, 0 when none. */
    static int lastErrorCode() {
        Pointer error = LibvirtNative.INSTANCE.virGetLastError();
        return error == null ? 0 : error.getInt(0);
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Method method(Class<?> type, String name) {
        try {
            Method m = type.getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
