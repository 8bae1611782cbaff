package org.duovirt.kvm;

import java.util.Locale;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostRefusedException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.uri.Uris;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/** Turns libvirt's errors into Duovirt's one-sentence errors with a hint. */
final class LibvirtErrors {
    private LibvirtErrors() {
    }

    /**
     * @param what what was attempted, starting a sentence: "Starting VM 'web'"
     */
    static DuovirtException failed(String what, LibvirtException e) {
        Error error = e.getError();
        return failed(what, error == null ? null : error.getCode(), message(e), e);
    }

    static DuovirtException failed(String what, Error.ErrorNumber code, String message, Throwable cause) {
        String text = what + " failed: " + sentence(message);
        if (code == null) {
            return new DuovirtException(text, null, message, cause);
        }
        return switch (code) {
            case VIR_ERR_INVALID_CONN, VIR_ERR_NO_CONNECT, VIR_ERR_RPC ->
                    new HostUnreachableException(text, "Reconnect to the host.", cause);
            case VIR_ERR_OPERATION_INVALID -> new DuovirtException(text, "Check the VM's current state.", message, cause);
            case VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED, VIR_ERR_ARGUMENT_UNSUPPORTED ->
                    new DuovirtException(text, "This host's libvirt driver does not offer it.", message, cause);
            case VIR_ERR_ACCESS_DENIED, VIR_ERR_OPERATION_DENIED, VIR_ERR_AUTH_FAILED ->
                    new DuovirtException(text, "Connect as a user libvirt allows, e.g. root or a member of the libvirt group.", message, cause);
            default -> new DuovirtException(text, null, message, cause);
        };
    }

    /** True when libvirt says the domain does not exist. */
    static boolean isNoDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    static boolean hasCode(LibvirtException e, Error.ErrorNumber code) {
        return e.getError() != null && e.getError().getCode() == code;
    }

    static VmNotFoundException notFound(String vm, String uri) {
        return new VmNotFoundException(vm, uri);
    }

    /** A failed connect as one sentence saying why, with what to do. */
    static HostUnreachableException unreachable(String uri, LibvirtException e) {
        return unreachable(uri, message(e), e);
    }

    /** The same from libvirt's message alone. */
    static HostUnreachableException unreachable(String uri, String message, Throwable e) {
        String lower = message.toLowerCase(Locale.ROOT);
        String why;
        String hint;
        HostRefusedException.Reason refused = null;
        if (lower.contains("libvirt-sock") || lower.contains("virtqemud-sock") || lower.contains("connection refused")
                && !lower.contains("ssh")) {
            why = "the daemon is not running";
            hint = "Start libvirtd, or check the URI.";
        } else if (lower.contains("no connection driver") || lower.contains("no driver")) {
            why = "this libvirt has no driver for that URI";
            hint = "Install the libvirt daemon driver for it (e.g. libvirt-daemon-driver-qemu), or check the URI.";
        } else if (lower.contains("authentication") || lower.contains("permission denied") || lower.contains("access denied")) {
            why = "access was refused";
            hint = "Check the user name, SSH key and that the user may use libvirt (root or group libvirt), then connect again.";
            refused = HostRefusedException.Reason.LOGIN;
        } else if (lower.contains("host key") || lower.contains("known_hosts")) {
            why = "the host's SSH key could not be verified";
            hint = "Connect once with ssh in a terminal to accept the host key, then connect again.";
            refused = HostRefusedException.Reason.HOST_KEY;
        } else if (lower.contains("could not resolve") || lower.contains("name or service not known")
                || lower.contains("no route") || lower.contains("timed out")) {
            why = "the host does not answer on the network";
            hint = "Check the host name and that the host is up.";
        } else {
            why = sentence(message).replaceAll("\\.$", "");
            hint = "Check the URI and that libvirtd runs on the host.";
        }
        String text = "Cannot reach libvirt at " + Uris.redact(uri) + ": " + why + ".";
        // A refusal is not retried on its own (HostRefusedException): it needs the user, and repeated logins get banned.
        return refused != null ? new HostRefusedException(refused, text, hint, e) : new HostUnreachableException(text, hint, e);
    }

    static String message(LibvirtException e) {
        Error error = e.getError();
        String message = error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
        return message == null ? "unknown libvirt error" : message;
    }

    /** libvirt's message folded to one line ending with a period. */
    static String sentence(String message) {
        String flat = message == null ? "unknown error" : message.replaceAll("\\s+", " ").strip();
        return flat.endsWith(".") ? flat : flat + ".";
    }
}
