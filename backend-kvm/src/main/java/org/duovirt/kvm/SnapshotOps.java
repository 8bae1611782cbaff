package org.duovirt.kvm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.VmState;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;

/** libvirt snapshots: listed from their XML, created from XML written with the writer. */
final class SnapshotOps {
    private final Domains domains;

    SnapshotOps(Domains domains) {
        this.domains = domains;
    }

    List<SnapshotInfo> list(String vm) {
        return domains.with(vm, "Listing the snapshots of VM '" + vm + "'", d -> {
            String current = null;
            if (d.hasCurrentSnapshot() == 1) {
                current = Xml.text(Xml.child(Xml.parse(d.snapshotCurrent().getXMLDesc()), "name"));
            }
            List<SnapshotInfo> out = new ArrayList<>();
            for (String name : d.snapshotListNames()) {
                Element root = Xml.parse(d.snapshotLookupByName(name).getXMLDesc());
                long created = Xml.longText(Xml.child(root, "creationTime"), 0);
                out.add(new SnapshotInfo(name, Xml.text(Xml.child(root, "description")), Instant.ofEpochSecond(created),
                        snapshotState(Xml.text(Xml.child(root, "state"))), name.equals(current)));
            }
            out.sort((a, b) -> a.created().compareTo(b.created()));
            return out;
        });
    }

    void create(String vm, String name, String description) {
        XmlOut x = new XmlOut();
        String nameProblem = name == null || name.isBlank() ? null
                : org.duovirt.core.model.VmSpecValidator.nameProblem(name);
        if (nameProblem != null) {
            throw new org.duovirt.core.error.InvalidSpecException(nameProblem.replace("The name", "The snapshot name"));
        }
        x.start("domainsnapshot");
        if (name != null && !name.isBlank()) {
            x.textElement("name", name);
        }
        if (description != null && !description.isBlank()) {
            x.textElement("description", description);
        }
        x.end();
        domains.run(vm, "Taking snapshot '" + name + "' of VM '" + vm + "'", d -> d.snapshotCreateXML(x.toString(), 0));
    }

    void revert(String vm, String name) {
        domains.run(vm, "Reverting VM '" + vm + "' to snapshot '" + name + "'", d -> d.revertToSnapshot(lookup(d, name)));
    }

    void delete(String vm, String name) {
        domains.run(vm, "Deleting snapshot '" + name + "' of VM '" + vm + "'", d -> lookup(d, name).delete(0));
    }

    private static DomainSnapshot lookup(org.libvirt.Domain d, String name) throws LibvirtException {
        return d.snapshotLookupByName(name);
    }

    /** Snapshot XML names the VM's state in words: running, paused, shutoff, disk-snapshot … */
    private static VmState snapshotState(String text) {
        if (text == null) {
            return VmState.OTHER;
        }
        return switch (text) {
            case "running", "blocked" -> VmState.RUNNING;
            case "paused" -> VmState.PAUSED;
            case "shutoff", "disk-snapshot" -> VmState.SHUTOFF;
            case "crashed" -> VmState.CRASHED;
            case "pmsuspended" -> VmState.SUSPENDED;
            default -> VmState.OTHER;
        };
    }
}
