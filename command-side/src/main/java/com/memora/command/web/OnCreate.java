package com.memora.command.web;

import jakarta.validation.groups.Default;

/** Bean Validation group of a create: the default constraints plus those only a create needs (a title, a parent). */
public interface OnCreate extends Default {
}
