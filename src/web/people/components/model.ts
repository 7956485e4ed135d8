import { useQuery } from "@tanstack/react-query";
import type { PersonDetail, PersonList, RegistrationResponse } from "../../../domain/people/api";
import { REGISTERS } from "../../../domain/people/schemas";
import { OTHER_TYPE, typesOf } from "../../../domain/registrations/types";
import type { Role } from "../../../domain/roles";
import { api } from "../../api";

export type { PersonDetail, PersonList, PersonSummary, RegistrationResponse } from "../../../domain/people/api";

export const peopleKeys = {
  all: ["people"] as const,
  list: (query: string) => ["people", "list", query] as const,
  person: (id: string) => ["people", "person", id] as const,
};

export function usePerson(personId: string) {
  return useQuery({
    queryKey: peopleKeys.person(personId),
    queryFn: () => api<PersonDetail>(`/people/${encodeURIComponent(personId)}`),
  });
}

export function usePeopleList(query: URLSearchParams) {
  const qs = query.toString();
  return useQuery({
    queryKey: peopleKeys.list(qs),
    queryFn: () => api<PersonList>(`/people?${qs}`),
    placeholderData: (previous) => previous,
  });
}

/** Form state of a person: text inputs hold strings, so empty means "not filled in". */
export interface PersonFormValues extends Record<string, unknown> {
  version: number;
  name: string;
  email: string;
  roles: Role[];
  jobTitle: string;
  academicExperienceYears: number | string;
  dreyfusLevel: string;
  /** The manager's membership id; empty for none. */
  managerId: string;
}

export const emptyPerson: PersonFormValues = {
  version: 0,
  name: "",
  email: "",
  roles: [],
  jobTitle: "",
  academicExperienceYears: "",
  dreyfusLevel: "",
  managerId: "",
};

/** In the edit form, the name field is the organisation's own display name (empty: the person's own). */
export function personToForm(person: PersonDetail): PersonFormValues {
  return {
    version: person.version,
    name: person.displayName ?? "",
    email: person.email,
    roles: person.roles,
    jobTitle: person.jobTitle ?? "",
    academicExperienceYears: person.academicExperienceYears ?? "",
    dreyfusLevel: person.dreyfusLevel ? String(person.dreyfusLevel) : "",
    managerId: person.managerId ?? "",
  };
}

/** What the create and edit forms share; the name goes separately (typed name, or display name). */
export function personBody(values: PersonFormValues) {
  const years = values.academicExperienceYears;
  return {
    roles: values.roles,
    jobTitle: values.jobTitle.trim() ? values.jobTitle : null,
    academicExperienceYears: years === "" ? null : Number(years),
    dreyfusLevel: values.dreyfusLevel ? Number(values.dreyfusLevel) : null,
  };
}

export interface RegistrationFormValues extends Record<string, unknown> {
  version: number;
  register: string;
  /** A listed type's id, or "other" (then `registrationType` holds the name); empty: not chosen. */
  typeId: string;
  registrationType: string;
  number: string;
  validUntil: string;
  reregistrationDate: string;
  /** The requirement profile's key; empty for none. */
  requirementProfile: string;
}

export const emptyRegistration: RegistrationFormValues = {
  version: 0,
  register: REGISTERS[0],
  typeId: "",
  registrationType: "",
  number: "",
  validUntil: "",
  reregistrationDate: "",
  requirementProfile: "",
};

export function registrationToForm(registration: RegistrationResponse): RegistrationFormValues {
  return {
    version: registration.version,
    register: registration.register,
    typeId: registration.typeId,
    registrationType: registration.typeId === OTHER_TYPE ? registration.registrationType : "",
    number: registration.number,
    validUntil: registration.validUntil ?? "",
    reregistrationDate: registration.reregistrationDate ?? "",
    requirementProfile: registration.requirementProfile ?? "",
  };
}

export function registrationBody(values: RegistrationFormValues) {
  return {
    register: values.register,
    // A register without a list of types (Other) has only "other"; an empty choice is refused at the field.
    typeId: values.typeId || (typesOf(values.register).length ? "" : OTHER_TYPE),
    ...(values.typeId === OTHER_TYPE || !typesOf(values.register).length
      ? { registrationType: values.registrationType }
      : {}),
    number: values.number,
    validUntil: values.validUntil || null,
    reregistrationDate: values.reregistrationDate || null,
    requirementProfile: values.requirementProfile || null,
  };
}

/** Active people of the organisation who can be chosen as someone's manager (the first hundred by name). */
export function useManagerCandidates() {
  return useQuery({
    queryKey: peopleKeys.list("status=active&pageSize=100"),
    queryFn: () => api<PersonList>("/people?status=active&pageSize=100"),
  });
}
