/* imp-application.c: placeholder until the UI is written (foundation issue). */
#include "imp-application.h"

struct _ImpApplication { AdwApplication parent_instance; };
G_DEFINE_FINAL_TYPE (ImpApplication, imp_application, ADW_TYPE_APPLICATION)
static void imp_application_class_init (ImpApplicationClass *klass) { }
static void imp_application_init (ImpApplication *self) { }
ImpApplication *
imp_application_new (void)
{
  return g_object_new (IMP_TYPE_APPLICATION, "application-id", "io.github.impactmapper.ImpactMapper",
                       "flags", G_APPLICATION_HANDLES_OPEN, NULL);
}
