package org.slotbridge.web.internal;

import java.lang.reflect.InvocationTargetException;

import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;

/**
 * Lets templates read a record's components as properties: {@code $practice.name} calls
 * {@code name()} when there is no {@code getName()}. Only records get this, so other types behave
 * exactly as Velocity documents.
 */
public final class RecordUberspector extends UberspectImpl {

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) {
        VelPropertyGet standard = super.getPropertyGet(obj, identifier, i);
        if (standard != null || obj == null || !obj.getClass().isRecord()) {
            return standard;
        }
        VelMethod accessor = getMethod(obj, identifier, new Object[0], i);
        return accessor == null ? null : new AccessorGet(accessor);
    }

    private record AccessorGet(VelMethod accessor) implements VelPropertyGet {

        @Override
        public Object invoke(Object o) throws IllegalAccessException, InvocationTargetException {
            return accessor.invoke(o, new Object[0]);
        }

        @Override
        public boolean isCacheable() {
            return accessor.isCacheable();
        }

        @Override
        public String getMethodName() {
            return accessor.getMethodName();
        }
    }
}
