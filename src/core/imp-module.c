/* imp-module.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-module"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <stdlib.h>

#include "imp-module.h"

/* See imp-module.h. */

G_LOCK_DEFINE_STATIC (tables);
static GHashTable *tables; /* name → table, never freed */

static GHashTable *
tables_get (void)
{
  if (tables == NULL)
    tables = g_hash_table_new (g_str_hash, g_str_equal);
  return tables;
}

void
_imp_module_provide (const char    *name,
                     gconstpointer  table)
{
  G_LOCK (tables);
  g_hash_table_insert (tables_get (), (gpointer) g_intern_string (name), (gpointer) table);
  G_UNLOCK (tables);
}

/* The directory to open @name from. */
static char *
module_dir (void)
{
  const char *env = g_getenv ("IMP_MODULE_DIR");
  g_autofree char *exe = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* An uninstalled run: the executable in the build tree, its modules built beside it. */
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *build_dir = realpath (IMP_BUILD_MODULE_DIR, NULL);

      if (build_dir != NULL && g_strcmp0 (dir, build_dir) == 0)
        return g_steal_pointer (&dir);
    }

  return g_strdup (IMP_MODULE_DIR);
}

static gconstpointer
module_load (const char  *name,
             const char  *symbol,
             gsize        size,
             GError     **error)
{
  g_autofree char *dir = module_dir ();
  g_autofree char *file = g_strconcat ("lib", name, ".", G_MODULE_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  const gsize *(*get_table) (void) = NULL;
  const gsize *table;
  GModule *module;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The module “%s” is missing: no file “%s” (is Impact Mapper fully "
                     "installed? IMP_MODULE_DIR names another directory)"), name, path);
      return NULL;
    }

  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The module “%s” could not be loaded: %s"), path, g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, symbol, (gpointer *) &get_table) || get_table == NULL ||
      (table = get_table ()) == NULL || *table != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The module “%s” is not the one this Impact Mapper was built with "
                     "(no matching “%s”)"), path, symbol);
      g_module_close (module);
      return NULL;
    }

  /* Kept loaded: its functions are the table's. */
  g_module_make_resident (module);
  g_debug ("loaded %s", path);

  return table;
}

gconstpointer
_imp_module_get (const char  *name,
                 const char  *symbol,
                 gsize        size,
                 GError     **error)
{
  gconstpointer table;

  G_LOCK (tables);
  table = g_hash_table_lookup (tables_get (), name);
  if (table == NULL)
    {
      table = module_load (name, symbol, size, error);
      if (table != NULL)
        g_hash_table_insert (tables, (gpointer) g_intern_string (name), (gpointer) table);
    }
  G_UNLOCK (tables);

  if (table != NULL && *(const gsize *) table != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The module “%s” is not the one this Impact Mapper was built with"), name);
      return NULL;
    }

  return table;
}
