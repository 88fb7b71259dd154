// Writes server/testing/api-types.generated.ts from the app's OpenAPI document (openapi-typescript).
// Run after changing a route or a contract: `npm run api:types`.
import { writeFile } from "node:fs/promises";
import { apiTypesFile, buildOpenApiDocument, renderApiTypes } from "../server/testing/openapi-document.ts";

await writeFile(apiTypesFile, await renderApiTypes(await buildOpenApiDocument()));
console.log(`wrote ${apiTypesFile}`);
