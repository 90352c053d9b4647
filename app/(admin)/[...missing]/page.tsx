// An address no route matches: the staff layout's 404 page (header, menu, language), with status 404.
import { notFound } from "next/navigation";

export default function Missing() {
  notFound();
}
