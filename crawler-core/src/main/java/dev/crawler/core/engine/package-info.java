@NullMarked
package dev.crawler.core.engine;

import org.jspecify.annotations.NullMarked;
