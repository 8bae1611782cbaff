package org.duovirt.kvm;

import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.DiskCacheModes;
import org.w3c.dom.Element;

/**
 * A disk's cache mode in the saved definition: the inactive XML (read with the secure flag, so a graphics
 * password survives the redefine) gets {@code <driver cache=…>} set through the DOM and is defined again.
 */
final class DiskCacheOps {
    private final Domains domains;

    DiskCacheOps(Domains domains) {
        this.domains = domains;
    }

    void setCache(String vm, String target, String cache) {
        KvmStorage.reject(DeviceInputs.targetProblem(target));
        KvmStorage.reject(DiskCacheModes.problem(cache));
        domains.run(vm, "Setting the cache mode of disk " + target + " of VM '" + vm + "'", d -> {
            Element root = Xml.parse(Domains.savedWithSecrets(d));
            Element disk = DeviceXml.diskByTarget(root, target);
            if (disk == null) {
                throw new InvalidSpecException("VM '" + vm + "' has no disk " + target + " in its saved definition.");
            }
            Element driver = Xml.child(disk, "driver");
            if (driver == null) {
                driver = root.getOwnerDocument().createElement("driver");
                driver.setAttribute("name", "qemu");
                disk.insertBefore(driver, disk.getFirstChild());
            }
            if ("default".equals(cache)) {
                driver.removeAttribute("cache");
            } else {
                driver.setAttribute("cache", cache);
            }
            domains.connect().domainDefineXML(Xml.serialize(root)).free();
        });
    }
}
