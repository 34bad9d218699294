/**
 * Brings `el` into view inside its nearest scrolling box only, as `scrollIntoView({ block:
 * 'nearest' })` would there, but never scrolls the page around that box: an embed playing by
 * itself must not move the tutorial page it sits in (the browser's `scrollIntoView` scrolls
 * every ancestor, the embedding page's too), and the lab's page stays where the learner put it.
 * Nothing happens when no box around `el` scrolls.
 */
export function scrollWithin(el: HTMLElement): void {
  for (let box = el.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow !== 'auto' && overflow !== 'scroll') || box.scrollHeight <= box.clientHeight)
      continue;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientTop;
    const height = el.offsetHeight;
    if (top < 0 || height > box.clientHeight) box.scrollTop += top;
    else if (top + height > box.clientHeight) box.scrollTop += top + height - box.clientHeight;
    return;
  }
}
