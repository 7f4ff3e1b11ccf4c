/**
 * markdown-it plugin: GFM task lists. `- [ ] à faire` and `- [x] fait` become list items holding a
 * disabled checkbox. The checkbox sits inside a `<label>` wrapping the item's first paragraph,
 * so it has an accessible name (the task's text) without ids or `for` attributes:
 *   <li class="task-list-item"><label><input class="task-list-item-checkbox" type="checkbox" disabled> à faire</label></li>
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const MARK = /^\[([ xX])\](?=\s|$)/;

function addClass(token: Token, name: string): void {
  const current = String(token.attrGet('class') ?? '');
  if (!current.split(' ').includes(name)) token.attrJoin('class', name);
}

function parentList(tokens: Token[], itemIndex: number): Token | undefined {
  const level = tokens[itemIndex]!.level - 1;
  for (let j = itemIndex - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.level === level && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) return t;
  }
  return undefined;
}

function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i]!;
    if (inline.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
    const children = inline.children ?? [];
    const first = children[0];
    const m = first?.type === 'text' ? MARK.exec(first.content) : null;
    if (!first || !m) continue;
    first.content = first.content.slice(3).replace(/^[ \t]+/, '');

    const open = new state.Token('task_open', 'label', 1);
    open.meta = { checked: m[1] !== ' ' };
    inline.children = [open, ...children, new state.Token('task_close', 'label', -1)];

    addClass(tokens[i - 2]!, 'task-list-item');
    const list = parentList(tokens, i - 2);
    if (list) addClass(list, 'contains-task-list');
  }
}

export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('task_lists', taskLists);
  md.renderer.rules.task_open = (tokens, idx) =>
    `<label><input class="task-list-item-checkbox" type="checkbox" disabled${tokens[idx]!.meta?.checked ? ' checked' : ''}> `;
  md.renderer.rules.task_close = () => '</label>';
}
