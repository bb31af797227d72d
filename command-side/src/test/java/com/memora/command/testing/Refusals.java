package com.memora.command.testing;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.DomainException;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/** Matchers for the refusals aggregate tests expect: which fields a 400 names, which problem a 409 has. */
public final class Refusals {

    private Refusals() {
    }

    /** An {@link InvalidInputException} naming exactly these fields, in this order. */
    public static Matcher<Throwable> invalid(String... fields) {
        List<String> expected = List.of(fields);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof InvalidInputException invalid
                       && invalid.problems().stream().map(FieldProblem::field).toList().equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidInputException on fields ").appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description mismatch) {
                mismatch.appendText(e instanceof InvalidInputException invalid
                                    ? "problems were " + invalid.problems() : "was " + e);
            }
        };
    }

    /** A {@link ConflictException} of this problem type. */
    public static Matcher<Throwable> conflict(String problemType) {
        return problem(ConflictException.class, problemType);
    }

    public static Matcher<Throwable> problem(Class<? extends DomainException> type, String problemType) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return type.isInstance(e) && ((DomainException) e).problemType().equals(problemType);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " of type ").appendValue(problemType);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description mismatch) {
                mismatch.appendText("was " + e);
            }
        };
    }
}
