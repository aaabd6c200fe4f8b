package org.slotbridge.booking.internal;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.slotbridge.api.service.RequestListener;

/** Hands a listener to the booking service the way Declarative Services would, outside a framework. */
public final class Listeners {

    private Listeners() {
    }

    public static ComponentServiceObjects<RequestListener> direct(RequestListener listener) {
        return new ComponentServiceObjects<>() {
            @Override
            public RequestListener getService() {
                return listener;
            }

            @Override
            public void ungetService(RequestListener service) {
                // nothing to release outside a framework
            }

            @Override
            public ServiceReference<RequestListener> getServiceReference() {
                return null;
            }
        };
    }
}
