import { ExternalIcon } from '../../app/theme/icons';
import { openInAiTool } from './actions';
import { MenuGroup, MenuItem } from './ActionMenu';
import type { MeetingRef } from './describe';
import { AI_TOOL_CHOICES } from './formats';

/**
 * "Open in ChatGPT / Perplexity / Claude" as menu items. Where the server makes public links the
 * tool opens with the prompt from Settings; elsewhere the transcript goes to the clipboard first.
 */
export function AiHandoffMenu({ meetingRef }: { meetingRef: MeetingRef }) {
  return (
    <MenuGroup label="Ask an AI assistant">
      {AI_TOOL_CHOICES.map((tool) => (
        <MenuItem key={tool.id} icon={<ExternalIcon />} onSelect={() => void openInAiTool(meetingRef, tool.id)}>
          Open in {tool.label}
        </MenuItem>
      ))}
    </MenuGroup>
  );
}
