package org.duovirt.core.error;

import org.duovirt.core.spi.Feature;

/** The host or its backend does not have this operation; every missing operation fails this way. */
public class NotSupportedException extends DuovirtException {
    private static final long serialVersionUID = 1L;
    private final Feature feature;

    public NotSupportedException(Feature feature, String backend) {
        this(feature, backend, null);
    }

    public NotSupportedException(Feature feature, String backend, String why) {
        super(feature.label() + " is not supported by " + backend + (why == null ? "." : ": " + why + "."), (String) null);
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }
}
