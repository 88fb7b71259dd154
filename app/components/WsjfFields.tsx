import { Fieldset, NumberInput, SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { type UseCaseFormValues, wsjfPreview } from "./use-case-form-values.ts";

/** The WSJF inputs; WSJF itself is computed (cost of delay ÷ job size) and never typed in. */
export function WsjfFields({ form }: { form: UseFormReturnType<UseCaseFormValues> }) {
  const wsjf = wsjfPreview(form.getValues());
  return (
    <Fieldset legend="Prioritisation (WSJF)">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <NumberInput label="Business value" min={0} max={100} allowDecimal={false} {...form.getInputProps("businessValue")} />
        <NumberInput label="Time criticality" min={0} max={100} allowDecimal={false} {...form.getInputProps("timeCriticality")} />
        <NumberInput label="Risk reduction" min={0} max={100} allowDecimal={false} {...form.getInputProps("riskReduction")} />
        <NumberInput label="Job size" min={1} max={100} allowDecimal={false} {...form.getInputProps("jobSize")} />
        <TextInput label="WSJF" value={wsjf === null ? "–" : String(wsjf)} readOnly tabIndex={-1} variant="filled" description="Computed" data-testid="use-case-wsjf" />
        <NumberInput label="Story points" min={0} decimalScale={2} {...form.getInputProps("storyPoints")} />
      </SimpleGrid>
    </Fieldset>
  );
}
