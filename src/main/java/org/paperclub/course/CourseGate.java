package org.paperclub.course;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.BeanContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Viewer;
import org.paperclub.system.ProblemException;

import java.util.Map;

/**
 * The one place where a course endpoint's {@link CourseMember}, {@link CourseStaff} or {@link CourseInstructor} is
 * enforced (each names this class with {@code @Type}), before the method runs (and before its body is validated: someone outside the course learns nothing
 * from the validation of what they sent). It runs on the method's thread (the blocking pool), so its database reads
 * never hold the event loop. The sentences are {@link CourseAccess}'s and these.
 */
@Singleton
class CourseGate implements MethodInterceptor<Object, Object> {

    private final CourseAccess access;
    private final BeanContext beans;

    CourseGate(CourseAccess access, BeanContext beans) {
        this.access = access;
        this.beans = beans;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.VALIDATE.getPosition() - 10;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> call) {
        long courseId = courseId(call);
        CourseAccess.Admitted admitted = access.admit(caller(call), courseId);
        call.stringValue(CourseStaff.class).ifPresent(action -> {
            if (!admitted.role().isStaff()) {
                throw ProblemException.forbidden("Only the instructors and TAs of this course can " + action + ".");
            }
        });
        call.stringValue(CourseInstructor.class).ifPresent(action -> {
            if (admitted.role() != CourseRole.INSTRUCTOR) {
                throw ProblemException.forbidden("Only the instructors of this course can " + action + ".");
            }
        });
        CourseAccess.Admitted previous = CourseAccess.enter(admitted);
        try {
            return call.proceed();
        } finally {
            CourseAccess.leave(previous);
        }
    }

    private static long courseId(MethodInvocationContext<Object, Object> call) {
        MutableArgumentValue<?> courseId = call.getParameters().get("courseId");
        if (courseId == null || !(courseId.getValue() instanceof Number id)) {
            throw new IllegalStateException(call.getDeclaringType().getSimpleName() + "." + call.getMethodName()
                    + " is a course endpoint without a courseId parameter");
        }
        return id.longValue();
    }

    /** The signed-in user, or whom the endpoint's {@link CourseMember#caller()} finds. */
    private long caller(MethodInvocationContext<Object, Object> call) {
        Class<?> caller = call.classValue(CourseMember.class, "caller").orElse(CourseCaller.class);
        Map<String, Object> arguments = call.getParameterValueMap();
        if (caller != CourseCaller.class) {
            return ((CourseCaller) beans.getBean(caller)).userId(arguments);
        }
        for (Object argument : call.getParameterValues()) {
            if (argument instanceof Authentication auth) {
                return Viewer.id(auth);
            }
        }
        // Not reached behind @Secured(IS_AUTHENTICATED), which answers 401 first.
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "Please sign in.");
    }
}
