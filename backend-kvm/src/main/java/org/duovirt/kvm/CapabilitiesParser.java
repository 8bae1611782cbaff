package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.model.VirtMode;
import org.w3c.dom.Element;

/** Reads libvirt's capabilities XML (virConnectGetCapabilities) into {@link HostCapabilities}. */
final class CapabilitiesParser {
    private CapabilitiesParser() {
    }

    static HostCapabilities parse(String xml) {
        Element root = Xml.parse(xml);
        Element hostCpu = Xml.path(root, "host", "cpu");
        String arch = Xml.text(Xml.child(hostCpu, "arch"));
        String model = Xml.text(Xml.child(hostCpu, "model"));
        List<String> types = domainTypes(root, arch);
        Set<VirtMode> modes = EnumSet.noneOf(VirtMode.class);
        for (String type : types) {
            switch (type) {
                case "kvm" -> modes.add(VirtMode.KVM);
                case "qemu" -> modes.add(VirtMode.QEMU);
                default -> { }
            }
        }
        return new HostCapabilities(model, arch, topology(root, hostCpu), types, modes);
    }

    /** Domain types of guests for the host's own architecture (all architectures when it is unknown). */
    private static List<String> domainTypes(Element root, String hostArch) {
        Set<String> types = new LinkedHashSet<>();
        for (Element guest : Xml.children(root, "guest")) {
            Element arch = Xml.child(guest, "arch");
            if (hostArch != null && !hostArch.equals(Xml.attr(arch, "name"))) {
                continue;
            }
            for (Element domain : Xml.children(arch, "domain")) {
                String type = Xml.attr(domain, "type");
                if (type != null) {
                    types.add(type);
                }
            }
        }
        return new ArrayList<>(types);
    }

    /** The topology from host/topology/cells; null when the driver lists no cells. */
    private static CpuTopology topology(Element root, Element hostCpu) {
        Element cellsElement = Xml.path(root, "host", "topology", "cells");
        List<Element> cellElements = Xml.children(cellsElement, "cell");
        if (cellElements.isEmpty()) {
            return null;
        }
        List<NumaCell> cells = new ArrayList<>();
        List<PhysicalCpu> cpus = new ArrayList<>();
        Set<Integer> sockets = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (Element cell : cellElements) {
            int cellId = Xml.intAttr(cell, "id", cells.size());
            List<Integer> cellCpus = new ArrayList<>();
            for (Element cpu : Xml.children(Xml.child(cell, "cpus"), "cpu")) {
                int id = Xml.intAttr(cpu, "id", -1);
                if (id < 0) {
                    continue;
                }
                int socket = Xml.intAttr(cpu, "socket_id", 0);
                int core = Xml.intAttr(cpu, "core_id", id);
                String siblings = Xml.attr(cpu, "siblings");
                // An offline CPU is listed without socket/core ids.
                boolean online = cpu.hasAttribute("socket_id");
                cpus.add(new PhysicalCpu(id, socket, core, cellId,
                        siblings == null || siblings.isBlank() ? CpuSet.of(id) : CpuSet.parse(siblings), online));
                cellCpus.add(id);
                sockets.add(socket);
                cores.add(socket + ":" + core);
            }
            long memory = Xml.kib(Xml.child(cell, "memory"), 0);
            cells.add(new NumaCell(cellId, CpuSet.of(cellCpus), memory, 0));
        }
        Element declared = Xml.child(hostCpu, "topology");
        int socketCount = Math.max(1, sockets.size());
        int coresPerSocket = Math.max(1, cores.size() / socketCount);
        int threads = Math.max(1, cpus.size() / (socketCount * coresPerSocket));
        if (declared != null && sockets.size() <= 1) {
            // One socket id in the cells but the CPU element may know better (e.g. several sockets per cell).
            socketCount = Math.max(socketCount, Xml.intAttr(declared, "sockets", socketCount));
            coresPerSocket = Xml.intAttr(declared, "cores", coresPerSocket);
            threads = Xml.intAttr(declared, "threads", threads);
        }
        return new CpuTopology(socketCount, coresPerSocket, threads, cells, cpus);
    }
}
