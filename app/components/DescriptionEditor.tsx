import { Input, Paper, Tabs, Textarea } from "@mantine/core";
import { type ChangeEvent, useId } from "react";
import { Markdown } from "./Markdown.tsx";

type Props = { value: string; onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void };

/** Markdown source with a preview tab (rendered exactly as the detail page shows it). */
export function DescriptionEditor({ value, onChange }: Props) {
  // The label and the hint name the textarea for screen readers (the tabs sit between them on screen).
  const id = useId();
  return (
    <Input.Wrapper id={id} label="Description" description="Markdown: **bold**, _italic_, lists, - [ ] tasks, | tables |, ~~strike~~, links, `code`">
      <Tabs defaultValue="write" mt={6} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea id={id} aria-describedby={`${id}-description`} value={value} onChange={onChange} autosize minRows={10} maxRows={30} data-testid="use-case-description" />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <Paper withBorder p="md" mih={200}>
            <Markdown source={value} empty="Nothing to preview." />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Input.Wrapper>
  );
}
