package org.slotbridge.scheduler.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Slotbridge scheduler",
        description = "Runs scheduled work (the booking sweep, later reminders) once across all nodes that share"
                + " the database.")
@interface SchedulerConfig {

    @AttributeDefinition(name = "Threads", min = "1", max = "20",
            description = "How many scheduled works this node may run at the same time.")
    int threads() default 2;

    @AttributeDefinition(name = "Check-in milliseconds", min = "500", max = "600000",
            description = "How often this node tells the database it is alive and looks for nodes that stopped"
                    + " doing so. The work of a node that died is taken over about two check-ins and 7.5 s"
                    + " after its last check-in.")
    long checkinMillis() default 7500;
}
