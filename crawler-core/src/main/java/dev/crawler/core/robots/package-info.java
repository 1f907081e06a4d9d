@NullMarked
package dev.crawler.core.robots;

import org.jspecify.annotations.NullMarked;
