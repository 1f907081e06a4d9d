@NullMarked
package dev.crawler.core.seeds;

import org.jspecify.annotations.NullMarked;
